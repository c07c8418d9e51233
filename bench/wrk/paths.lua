-- wrk script: sends the paths listed in a file (one per line), round-robin from a different starting point
-- in each thread, and prints a JSON summary at the end. Usage: wrk ... -s paths.lua URL -- PATHS_FILE
-- Latencies are wrk's own (microseconds, from sending the request to reading the whole response).
local paths = {}
local index = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  index = (id or 0) * 7
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"rps":%.2f,"p50Us":%d,"p90Us":%d,"p99Us":%d,"meanUs":%.1f,"maxUs":%d,' ..
    '"non2xx3xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
