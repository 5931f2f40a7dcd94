import {
  forwardRef,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type InputHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/**
 * Text fields for clerks typing with a Chinese IME. While the IME is composing, the field holds
 * pinyin that is not text yet: it is shown but not committed, so the draft, the checks, the
 * preview and the autosave see only finished characters. The commit happens at compositionend
 * and on every ordinary keystroke.
 */
function useImeValue<E extends HTMLInputElement | HTMLTextAreaElement>(
  value: string,
  onCommit: (text: string) => void,
) {
  const [local, setLocal] = useState(value);
  const composing = useRef(false);
  // A change from elsewhere (a regenerated sentence, an inserted phrase, a restored backup) shows at once.
  useEffect(() => {
    if (!composing.current) setLocal(value);
  }, [value]);
  return {
    value: local,
    onChange: (e: ChangeEvent<E>) => {
      setLocal(e.target.value);
      if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) onCommit(e.target.value);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: { currentTarget: E }) => {
      composing.current = false;
      setLocal(e.currentTarget.value);
      onCommit(e.currentTarget.value);
    },
  };
}

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'onChange' | 'defaultValue'
> & {
  value: string;
  onCommit(text: string): void;
};

export const ImeTextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function ImeTextArea(
  { value, onCommit, ...rest },
  ref,
) {
  return <textarea ref={ref} {...rest} {...useImeValue<HTMLTextAreaElement>(value, onCommit)} />;
});

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  onCommit(text: string): void;
};

export const ImeInput = forwardRef<HTMLInputElement, InputProps>(function ImeInput(
  { value, onCommit, ...rest },
  ref,
) {
  return <input ref={ref} {...rest} {...useImeValue<HTMLInputElement>(value, onCommit)} />;
});
