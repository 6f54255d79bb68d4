/** The Express example (examples/express-api/server.js) as a real process against a real Keygate. */
import { describeExample } from "../test/example-suite.js";

describeExample("express-api");
