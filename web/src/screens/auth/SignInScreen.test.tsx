/** Signing in against a real Keygate: the server's refusal is shown, a success goes on to the screen asked for. */
import { screen } from "@testing-library/react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LiveKeygate, OWNER_EMAIL, OWNER_PASSWORD, startLiveKeygate } from "../../../test/live-keygate";
import { renderRoutes } from "../../../test/render";
import { SignInScreen } from "./SignInScreen";

let keygate: LiveKeygate;

beforeAll(async () => {
  keygate = await startLiveKeygate();
  keygate.connect();
});

afterAll(async () => {
  await keygate?.stop();
});

beforeEach(() => keygate.forgetSession());

const routes = [
  { path: "/sign-in", element: <SignInScreen /> },
  { path: "/settings/api-access", element: <h1>API Keys</h1> },
];

describe("SignInScreen", () => {
  it("shows the server's refusal for a wrong password and stays on the form", async () => {
    const { user } = renderRoutes(routes, "/sign-in");
    await user.type(await screen.findByLabelText("Email"), OWNER_EMAIL);
    await user.type(screen.getByLabelText("Password"), "not the password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Email or password is wrong");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  it("signs in and goes on to the screen in ?next=", async () => {
    const { user, router } = renderRoutes(routes, "/sign-in?next=%2Fsettings%2Fapi-access");
    await user.type(await screen.findByLabelText("Email"), OWNER_EMAIL);
    await user.type(screen.getByLabelText("Password"), OWNER_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "API Keys" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/settings/api-access");
  });

  it("never follows ?next= to another site", async () => {
    const { user, router } = renderRoutes(
      [...routes, { path: "/", element: <h1>Home</h1> }],
      "/sign-in?next=%2F%2Fevil.example.com",
    );
    await user.type(await screen.findByLabelText("Email"), OWNER_EMAIL);
    await user.type(screen.getByLabelText("Password"), OWNER_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "Home" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
  });
});
