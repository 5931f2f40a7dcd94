/**
 * The draft format's size limits and id pattern, without zod, so the renderer can cap its inputs
 * (and parse routes) by the same numbers the format enforces without bundling the schema library.
 */

/** A draft's id: also its file name on disk and its route in the app. */
export const DRAFT_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** The longest text each unit property may hold, in characters. */
export const UNIT_TEXT_MAX = {
  name: 100,
  region: 100,
  selfRef: 20,
  address: 200,
  phone: 60,
  website: 300,
  signature: 100,
} as const;

/** The longest label of a category list item. */
export const LIST_LABEL_MAX = 100;

/** The longest prose of one slot: far beyond any real report, small enough to keep files sane. */
export const PROSE_MAX = 200_000;

/** The longest wording of a section title a draft may give (永昌: 六、工作存在的主要问题和改进措施). */
export const SECTION_TITLE_MAX = 60;
