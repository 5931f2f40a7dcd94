import type { z } from 'zod';
import { bridgeMethods, savedDraft, type BridgeHandlers } from '../../shared/bridge';
import { schemaError } from '../../shared/report/draft-io';
import { errorDetail, UserError } from './errors';
import type { Log } from './log';

/**
 * The largest argument list a call may carry, in JSON characters. The largest legitimate one is a
 * draft file to import (8 MiB of text, see bridge.ts); anything beyond is refused before parsing.
 */
export const MAX_PAYLOAD_CHARS = 9 * 1024 * 1024;

export type Dispatch = (channel: string, args: unknown) => Promise<unknown>;

type AnyHandler = (...args: unknown[]) => Promise<unknown>;

function payloadSize(args: unknown): number {
  try {
    return JSON.stringify(args)?.length ?? 0;
  } catch {
    // Cycles and BigInts have no JSON form: nothing the contract allows.
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Why arguments were refused. A draft the renderer sends (an autosave) is refused in the words
 * readDraft uses for a file, naming the property and its limit ("草稿中的“unit.selfRef”超出了允许的
 * 范围（最多 20）"), so the clerk can correct it; anything else is a request the app never makes.
 */
function refusal(args: z.ZodTuple, channel: string, issue: z.core.$ZodIssue | undefined): UserError {
  const [position, ...path] = issue?.path ?? [];
  if (issue && typeof position === 'number' && args.def.items[position] === savedDraft) {
    const { key, params } = schemaError({ ...issue, path });
    return new UserError(key, params);
  }
  return new UserError('app.ipc.invalidArgs', { channel });
}

/**
 * One entry point for every bridge method, shared by Electron's IPC wrapper and the browser
 * mode's loopback server: an unknown channel, an oversized payload or arguments that fail the
 * method's zod tuple are refused before any handler runs, and the result is parsed with the
 * method's result schema, so the renderer receives exactly the contract's shape (defaults filled).
 * Refusals and unexpected failures reject with a UserError whose message is an i18n key.
 */
export function createDispatcher(handlers: BridgeHandlers, log: Log): Dispatch {
  const table = new Map(
    bridgeMethods().map(([ns, name, def]) => {
      const group = handlers[ns as keyof BridgeHandlers] as Record<string, AnyHandler>;
      return [def.channel, { def, handler: group[name]!.bind(group) }] as const;
    }),
  );
  return async (channel, args) => {
    const entry = table.get(channel);
    if (!entry) {
      log('error', `refused call to unknown channel ${JSON.stringify(channel).slice(0, 100)}`);
      throw new UserError('app.ipc.refused', { channel: String(channel).slice(0, 100) });
    }
    if (payloadSize(args) > MAX_PAYLOAD_CHARS) {
      log('error', `refused oversized call to ${channel}`);
      throw new UserError('app.ipc.tooLarge', { channel });
    }
    const parsed = entry.def.args.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      log(
        'error',
        `refused call to ${channel}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid arguments'}`,
      );
      throw refusal(entry.def.args, channel, issue);
    }
    let result: unknown;
    try {
      result = await entry.handler(...(parsed.data as unknown[]));
    } catch (error) {
      if (error instanceof UserError) throw error;
      log(
        'error',
        `${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      throw new UserError('app.error.unexpected', { detail: errorDetail(error) });
    }
    const checked = entry.def.result.safeParse(result);
    if (!checked.success) {
      log(
        'error',
        `${channel} returned a result outside the contract: ${checked.error.issues[0]?.message ?? ''}`,
      );
      throw new UserError('app.error.unexpected', { detail: `${channel}: result` });
    }
    return checked.data;
  };
}
