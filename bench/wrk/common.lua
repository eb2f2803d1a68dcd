-- Shared by the load scripts: the API key header, and one machine-readable summary line at the end.
wrk.headers["X-Api-Key"] = os.getenv("BENCH_KEY")

function lines(path)
  local items = {}
  for line in io.lines(path) do items[#items + 1] = line end
  return items
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
