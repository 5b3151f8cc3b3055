-- wrk reports 50/75/90/99th percentiles; the targets are set on the 95th.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.1fms p50 %.1fms max %.1fms errors %d\n",
    latency:percentile(95) / 1000, latency:percentile(50) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
