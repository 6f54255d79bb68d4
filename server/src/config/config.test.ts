import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

/** web/dist of this repository, where `npm run build` puts the dashboard. */
const BUILT_DASHBOARD = fileURLToPath(new URL("../../../web/dist", import.meta.url));
const KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

const ADMIN = { KEYGATE_ADMIN_EMAIL: "Ops@Example.com", KEYGATE_ADMIN_PASSWORD: "correct horse battery" };

describe("loadConfig", () => {
  it("uses the documented defaults for an empty environment", () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: "127.0.0.1",
      dataDir: path.resolve("./data"),
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPrefix: "keygate:",
      dbPoolSize: 10,
      nodeId: `${hostname()}-${process.pid}`,
      invalidation: "auto",
      adminEmail: undefined,
      adminPassword: undefined,
      publicUrl: "http://localhost:8080",
      secureCookies: false,
      trustedProxies: [],
      logLevel: "info",
      encryptionKey: undefined,
      dashboardDir: BUILT_DASHBOARD,
      embedOrigins: [],
      eventsHeartbeatMs: 15_000,
      webhookAllowHosts: [],
      webhookAllowHttp: false,
      secretScanningKeysFile: undefined,
    });
  });

  it("reads every variable", () => {
    expect(
      loadConfig({
        PORT: "9000",
        HOST: "0.0.0.0",
        KEYGATE_DATA_DIR: "/var/lib/keygate",
        DATABASE_URL: "postgresql://kg:pw@db:5432/keygate",
        REDIS_URL: "rediss://cache:6380",
        ...ADMIN,
        KEYGATE_PUBLIC_URL: "https://keys.example.com/",
        KEYGATE_TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.7,2001:db8::/32 ,loopback",
        LOG_LEVEL: "warn",
        KEYGATE_ENCRYPTION_KEY: KEY_HEX,
        KEYGATE_DASHBOARD_DIR: "/srv/keygate/dashboard",
        KEYGATE_EMBED_ORIGINS: "https://app.example.com, http://localhost:3000/",
        KEYGATE_EVENTS_HEARTBEAT_MS: "5000",
        KEYGATE_REDIS_PREFIX: "kg-eu:",
        KEYGATE_DB_POOL_SIZE: "25",
        KEYGATE_NODE_ID: "node-2",
        KEYGATE_INVALIDATION: "postgres",
        KEYGATE_WEBHOOK_ALLOW_HOSTS: "Hooks.internal, 10.1.0.0/16,127.0.0.1",
        KEYGATE_WEBHOOK_ALLOW_HTTP: "true",
        KEYGATE_SECRET_SCANNING_KEYS_FILE: "/etc/keygate/github-keys.json",
      }),
    ).toEqual({
      port: 9000,
      host: "0.0.0.0",
      dataDir: "/var/lib/keygate",
      databaseUrl: "postgresql://kg:pw@db:5432/keygate",
      redisUrl: "rediss://cache:6380",
      redisPrefix: "kg-eu:",
      dbPoolSize: 25,
      nodeId: "node-2",
      invalidation: "postgres",
      adminEmail: "ops@example.com",
      adminPassword: "correct horse battery",
      publicUrl: "https://keys.example.com",
      secureCookies: true,
      trustedProxies: ["10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "loopback"],
      logLevel: "warn",
      encryptionKey: Buffer.from(KEY_HEX, "hex"),
      dashboardDir: "/srv/keygate/dashboard",
      embedOrigins: ["https://app.example.com", "http://localhost:3000"],
      eventsHeartbeatMs: 5000,
      webhookAllowHosts: ["hooks.internal", "10.1.0.0/16", "127.0.0.1"],
      webhookAllowHttp: true,
      secretScanningKeysFile: "/etc/keygate/github-keys.json",
    });
  });

  it("treats empty values as unset", () => {
    const config = loadConfig({
      PORT: "",
      DATABASE_URL: "",
      LOG_LEVEL: "",
      KEYGATE_PUBLIC_URL: "",
      KEYGATE_TRUSTED_PROXIES: "",
      KEYGATE_EMBED_ORIGINS: "",
    });
    expect(config.trustedProxies).toEqual([]);
    expect(config.embedOrigins).toEqual([]);
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe("info");
    expect(config.publicUrl).toBe("http://localhost:8080");
  });

  it("reads the encryption key as hex, base64 or URL-safe base64", () => {
    const key = Buffer.from(KEY_HEX, "hex");
    expect(loadConfig({ KEYGATE_ENCRYPTION_KEY: KEY_HEX.toUpperCase() }).encryptionKey).toEqual(key);
    expect(loadConfig({ KEYGATE_ENCRYPTION_KEY: key.toString("base64") }).encryptionKey).toEqual(key);
    expect(loadConfig({ KEYGATE_ENCRYPTION_KEY: key.toString("base64url") }).encryptionKey).toEqual(key);
  });

  it.each([
    ["too short", "abcd"],
    ["31 bytes of hex", "00".repeat(31)],
    ["hex with a stray character", `${"00".repeat(31)}0g`],
    ["base64 of 16 bytes", Buffer.alloc(16).toString("base64")],
  ])("refuses an encryption key that is %s, naming the variable and never echoing it", (_, value) => {
    const message = refusal({ KEYGATE_ENCRYPTION_KEY: value });
    expect(message).toBe(
      "invalid configuration: KEYGATE_ENCRYPTION_KEY: must be 32 bytes as base64 (44 characters) or hex (64 characters), such as the output of `openssl rand -base64 32`",
    );
  });

  it("resolves a relative dashboard folder", () => {
    expect(loadConfig({ KEYGATE_DASHBOARD_DIR: "./built" }).dashboardDir).toBe(path.resolve("./built"));
  });

  it("reads each embedding origin once, in lower case", () => {
    expect(
      loadConfig({
        KEYGATE_EMBED_ORIGINS: "https://App.Example.com,https://app.example.com,https://b.test:8443",
      }).embedOrigins,
    ).toEqual(["https://app.example.com", "https://b.test:8443"]);
  });

  it("derives the public URL from the port", () => {
    expect(loadConfig({ PORT: "3000" }).publicUrl).toBe("http://localhost:3000");
  });

  it.each([
    ["PORT", "abc", "must be a whole number from 0 to 65535"],
    ["PORT", "70000", "must be a whole number from 0 to 65535"],
    ["PORT", "-1", "must be a whole number from 0 to 65535"],
    ["PORT", "80.5", "must be a whole number from 0 to 65535"],
    ["DATABASE_URL", "mysql://db/keygate", "must start with postgres:// or postgresql://"],
    ["REDIS_URL", "http://cache:6379", "must start with redis:// or rediss://"],
    ["KEYGATE_PUBLIC_URL", "keys.example.com", "must be an http:// or https:// URL"],
    ["KEYGATE_PUBLIC_URL", "ftp://keys.example.com", "must be an http:// or https:// URL"],
    [
      "KEYGATE_TRUSTED_PROXIES",
      "10.0.0.0/8,proxy.internal",
      "proxy.internal is not an IP address or CIDR (such as 10.0.0.0/8, or loopback, linklocal, uniquelocal)",
    ],
    [
      "KEYGATE_TRUSTED_PROXIES",
      "10.0.0.0/33",
      "10.0.0.0/33 is not an IP address or CIDR (such as 10.0.0.0/8, or loopback, linklocal, uniquelocal)",
    ],
    [
      "KEYGATE_EMBED_ORIGINS",
      "https://app.example.com/settings",
      "https://app.example.com/settings is not an origin (scheme, host and optional port, no path, such as https://app.example.com)",
    ],
    [
      "KEYGATE_EMBED_ORIGINS",
      "app.example.com",
      "app.example.com is not an origin (scheme, host and optional port, no path, such as https://app.example.com)",
    ],
    [
      "KEYGATE_EMBED_ORIGINS",
      "https://ok.test,ftp://files.example.com",
      "ftp://files.example.com is not an origin (scheme, host and optional port, no path, such as https://app.example.com)",
    ],
    [
      "KEYGATE_EMBED_ORIGINS",
      "https://*.example.com",
      "https://*.example.com is not an origin (scheme, host and optional port, no path, such as https://app.example.com)",
    ],
    ["KEYGATE_EVENTS_HEARTBEAT_MS", "soon", "must be a whole number of milliseconds from 10 to 300000"],
    ["KEYGATE_EVENTS_HEARTBEAT_MS", "5", "must be a whole number of milliseconds from 10 to 300000"],
    ["KEYGATE_EVENTS_HEARTBEAT_MS", "1000.5", "must be a whole number of milliseconds from 10 to 300000"],
    ["KEYGATE_EVENTS_HEARTBEAT_MS", "600000", "must be a whole number of milliseconds from 10 to 300000"],
    ["KEYGATE_DB_POOL_SIZE", "1", "must be a whole number from 2 to 500"],
    ["KEYGATE_DB_POOL_SIZE", "many", "must be a whole number from 2 to 500"],
    ["KEYGATE_REDIS_PREFIX", "key gate", "must be 1 to 64 letters, digits or : _ . -"],
    ["KEYGATE_NODE_ID", "node/1", "must be 1 to 100 letters, digits or _ . : -"],
    [
      "KEYGATE_WEBHOOK_ALLOW_HOSTS",
      "hooks.internal, http://x",
      "http://x is not a host name, an IP address or a CIDR",
    ],
    ["KEYGATE_WEBHOOK_ALLOW_HTTP", "yes", "KEYGATE_WEBHOOK_ALLOW_HTTP must be true or false"],
    ["KEYGATE_INVALIDATION", "kafka", 'Invalid option: expected one of "auto"|"local"|"postgres"|"redis"'],
    [
      "LOG_LEVEL",
      "loud",
      'Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ],
  ])("refuses %s=%s and names the variable", (variable, value, problem) => {
    expect(refusal({ [variable]: value })).toBe(`invalid configuration: ${variable}: ${problem}`);
  });

  it("refuses a bad admin email and a short admin password, naming each", () => {
    expect(refusal({ ...ADMIN, KEYGATE_ADMIN_EMAIL: "not-an-email" })).toBe(
      "invalid configuration: KEYGATE_ADMIN_EMAIL: Invalid email address",
    );
    expect(refusal({ ...ADMIN, KEYGATE_ADMIN_PASSWORD: "short" })).toBe(
      "invalid configuration: KEYGATE_ADMIN_PASSWORD: must be at least 12 characters",
    );
  });

  it("refuses an admin email without a password, and a password without an email", () => {
    const message =
      "invalid configuration: KEYGATE_ADMIN_EMAIL and KEYGATE_ADMIN_PASSWORD must be set together";
    expect(refusal({ KEYGATE_ADMIN_EMAIL: ADMIN.KEYGATE_ADMIN_EMAIL })).toBe(message);
    expect(refusal({ KEYGATE_ADMIN_PASSWORD: ADMIN.KEYGATE_ADMIN_PASSWORD })).toBe(message);
  });

  it("names every bad variable at once", () => {
    expect(refusal({ PORT: "http", REDIS_URL: "localhost" })).toBe(
      "invalid configuration: PORT: must be a whole number from 0 to 65535; REDIS_URL: must start with redis:// or rediss://",
    );
  });

  it("never puts the admin password in a refusal", () => {
    const message = refusal({ KEYGATE_ADMIN_EMAIL: "nope", KEYGATE_ADMIN_PASSWORD: "hunter2hunter2hunter2" });
    expect(message).not.toContain("hunter2");
  });
});
