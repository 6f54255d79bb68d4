/**
 * The Lua script that judges all the rate limits of one verification in Redis, atomically (Redis
 * runs a script alone), with the sliding window of verifier/rate-limiter.ts: so every node of a
 * cluster counts against one window and 10 per minute across 3 nodes lets exactly 10 through.
 *
 * KEYS: for each limit, its current fixed window's counter, then the previous window's
 *   (`<prefix>rl:<limiterKey>:<windowStart>`).
 * ARGV: nowMs, cost, then for each limit: limit, windowMs, windowStart (the node's clock decides
 *   the time: the nodes' clocks are NTP-synced, and a few ms of skew moves a window edge by as
 *   much, never the count).
 * Returns: 1 when every limit had room (then each current counter grew by `cost` and expires two
 *   windows on, when no window reads it any more), 0 when one refused (then nothing changed);
 *   then for each limit its current and previous counts before this verification and whether
 *   `cost` fitted under it (1/0). The caller derives `remaining` and `resetAt` from those counts
 *   with the same functions as the memory limiter.
 *
 * The estimate is the expression of `estimateOf` in the same order, and Lua's numbers are doubles as
 * JavaScript's, so both decide alike to the bit. Integers only cross back (Redis truncates numbers).
 */
export const RATE_LIMIT_SCRIPT = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local count = #KEYS / 2
local result = { 1 }
for i = 1, count do
  local limit = tonumber(ARGV[3 * i])
  local window = tonumber(ARGV[3 * i + 1])
  local start = tonumber(ARGV[3 * i + 2])
  local current = tonumber(redis.call("GET", KEYS[2 * i - 1]) or "0")
  local previous = tonumber(redis.call("GET", KEYS[2 * i]) or "0")
  local estimate = (previous * (window - (now - start))) / window + current
  local fits = 1
  if estimate + cost > limit + 1e-9 then
    fits = 0
    result[1] = 0
  end
  result[3 * i - 1] = current
  result[3 * i] = previous
  result[3 * i + 1] = fits
end
if result[1] == 1 and cost > 0 then
  for i = 1, count do
    redis.call("INCRBY", KEYS[2 * i - 1], cost)
    redis.call("PEXPIRE", KEYS[2 * i - 1], 2 * tonumber(ARGV[3 * i + 1]))
  end
end
return result
`;
