/** Puts a value on the clipboard and says so ("Copied" for two seconds, and a toast on failure). */
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./Button";
import { toast } from "./toast";

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "value"> {
  value: string;
  /** The button's text; "Copy" by default. */
  label?: string;
  /** An accessible name when the button shows only its icon (e.g. "Copy key ID"). */
  iconOnlyLabel?: string;
}

export function CopyButton({ value, label = "Copy", iconOnlyLabel, ...rest }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      toast("The browser did not allow copying; select the text and copy it yourself.", "error");
    }
  };

  const Icon = copied ? Check : Copy;
  // The announcement sits beside the button, so the button's name stays "Copy" / "Copied".
  return (
    <>
      <Button
        {...rest}
        onClick={copy}
        aria-label={iconOnlyLabel ? (copied ? "Copied" : iconOnlyLabel) : undefined}
      >
        <Icon aria-hidden className="size-4" />
        {!iconOnlyLabel && (copied ? "Copied" : label)}
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </>
  );
}
