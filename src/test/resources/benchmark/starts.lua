-- Replays the start requests ComputeApiBenchmark signed ahead of time. Run with one connection per
-- thread: thread i sends the lines of <dir>/client-<i>.json in order (one wallet per thread, so
-- its nonces arrive in the order they were signed) until all but one are answered, then idles
-- until wrk's duration ends. The spare line is there because wrk calls request() once on the first
-- thread to check the script and never sends that one; the nonce it skips is harmless (a nonce
-- only has to be greater than the last).
-- Usage: wrk -t 20 -c 20 -d 15s -s starts.lua http://host:9080 -- <dir>

local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  bodies = {}
  for line in io.lines(args[1] .. "/client-" .. id .. ".json") do
    bodies[#bodies + 1] = line
  end
  sent = 0
  answered = 0
end

-- wrk asks for a delay before every request: none until the thread's share is answered, then
-- longer than any run (thread:stop() let one more request out now and then)
function delay()
  if answered < #bodies - 1 then
    return 0
  end
  return 3600000
end

function request()
  sent = sent + 1
  return wrk.format("POST", "/api/services/freeCompute",
    { ["Content-Type"] = "application/json" }, bodies[sent])
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then
    io.write("refused: ", status, " ", body, "\n")
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "starts: requests=%d failed=%d (status %d, connect %d, read %d, write %d, timeout %d)"
      .. " p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    summary.requests,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
