-- wrk's summary as one line that real-lib.sh reads: the requests made and
-- every kind of error (a non-2xx/3xx response counts as "status").
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d errors=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    e.connect, e.read, e.write, e.status, e.timeout))
end
