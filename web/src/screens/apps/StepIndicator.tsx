/** Where the person is in a multi-step form: the steps in order, the current one marked `aria-current="step"`. */
import { Check } from "lucide-react";
import { cn } from "../../ui/cn";

export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol aria-label="Steps" className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      {steps.map((step, index) => {
        const done = index < current;
        const here = index === current;
        return (
          <li key={step} aria-current={here ? "step" : undefined} className="flex items-center gap-2">
            <span
              aria-hidden
              className={cn(
                "flex size-6 items-center justify-center rounded-full text-xs font-semibold",
                here && "bg-brand-600 text-white",
                done && "bg-green-600 text-white",
                !here && !done && "bg-slate-200 text-slate-700",
              )}
            >
              {done ? <Check className="size-3.5" /> : index + 1}
            </span>
            <span className={cn(here ? "font-semibold text-slate-900" : "text-slate-600")}>
              <span className="sr-only">
                Step {index + 1} of {steps.length}
                {done ? ", done" : ""}:{" "}
              </span>
              {step}
            </span>
            {index < steps.length - 1 && <span aria-hidden className="ml-1 h-px w-6 bg-slate-300 sm:w-10" />}
          </li>
        );
      })}
    </ol>
  );
}
