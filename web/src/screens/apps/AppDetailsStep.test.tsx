/**
 * New App, step 1: nothing goes on without a title and an environment, each problem is tied to its
 * field, the server's refusal lands on its field, and "Next" hands on exactly what was typed.
 */
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithClient } from "../../../test/render";
import { AppDetailsStep } from "./AppDetailsStep";
import { type AppDetailsProblems, type AppDetailsValues, emptyAppDetails } from "./app-details";
import { StepIndicator } from "./StepIndicator";

function renderStep(refused?: AppDetailsProblems, initial: AppDetailsValues = emptyAppDetails) {
  const next: AppDetailsValues[] = [];
  const view = renderWithClient(
    <AppDetailsStep initial={initial} refused={refused} onNext={(values) => next.push(values)} />,
  );
  return { ...view, next };
}

describe("AppDetailsStep", () => {
  it("asks for a title and an environment before going on", async () => {
    const { user, next } = renderStep();
    await user.click(screen.getByRole("button", { name: "Next" }));
    const title = screen.getByLabelText("Title");
    const environment = screen.getByLabelText("Environment");
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription(
      "The application or integration, as your team calls it. Enter a title, such as Shop mobile app",
    );
    expect(environment).toHaveAttribute("aria-invalid", "true");
    expect(environment).toHaveAccessibleDescription(
      "Use a separate app, and keys, for each environment. Choose the environment its keys are for",
    );
    expect(next).toEqual([]);
  });

  it("clears a field's problem as soon as it is changed", async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Title"), "S");
    expect(screen.getByLabelText("Title")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText("Enter a title, such as Shop mobile app")).not.toBeInTheDocument();
    expect(screen.getByText("Choose the environment its keys are for")).toBeInTheDocument();
  });

  it("refuses a title of only spaces and a description over 2000 characters", async () => {
    const { user, next } = renderStep(undefined, {
      title: "   ",
      description: "x".repeat(2001),
      environment: "staging",
    });
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Enter a title, such as Shop mobile app")).toBeInTheDocument();
    expect(screen.getByLabelText(/Description/)).toHaveAccessibleDescription(
      "must be at most 2000 characters",
    );
    expect(next).toEqual([]);
  });

  it("goes on with the trimmed title, the description and the environment chosen", async () => {
    const { user, next } = renderStep();
    await user.type(screen.getByLabelText("Title"), "  Shop mobile app ");
    await user.type(screen.getByLabelText(/Description/), "The iOS and Android app");
    await user.selectOptions(screen.getByLabelText("Environment"), "Production");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(next).toEqual([
      { title: "Shop mobile app", description: "The iOS and Android app", environment: "production" },
    ]);
  });

  it("shows the server's refusal next to the field it names", () => {
    renderStep({ title: "must be at most 200 characters" }, { ...emptyAppDetails, title: "T" });
    expect(screen.getByLabelText("Title")).toHaveAccessibleDescription(
      "The application or integration, as your team calls it. must be at most 200 characters",
    );
  });
});

describe("StepIndicator", () => {
  it("marks the current step and says which steps are done", () => {
    renderWithClient(<StepIndicator steps={["App details", "Connected APIs", "Your keys"]} current={1} />);
    const steps = screen.getAllByRole("listitem");
    expect(steps.map((step) => step.textContent)).toEqual([
      "Step 1 of 3, done: App details",
      "2Step 2 of 3: Connected APIs",
      "3Step 3 of 3: Your keys",
    ]);
    expect(steps[1]).toHaveAttribute("aria-current", "step");
    expect(steps[0]).not.toHaveAttribute("aria-current");
  });
});
