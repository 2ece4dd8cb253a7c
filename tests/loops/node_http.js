#!/usr/bin/env node
// node_http.js PORTFILE: a real event loop for the end-to-end tests.
//
// A Node.js HTTP/1.1 server (libuv, so epoll) on 127.0.0.1, on a port the
// kernel picks.  Once it listens it writes the port to PORTFILE, a line,
// through a rename, so the file appears complete.  Connections are kept
// alive with no timeout of any kind, so that idle clients stay connected
// as long as they like.  Every request gets 200 and a body of its method,
// its path and a newline, then its own body:  "POST /x\n<body>".  On
// SIGTERM it closes the listener and every connection and exits 0.
'use strict';

const fs = require('fs');
const http = require('http');

const portFile = process.argv[2];
if (!portFile || process.argv.length !== 3) {
  process.stderr.write('usage: node_http.js PORTFILE\n');
  process.exit(2);
}

const server = http.createServer({
  keepAliveTimeout: 0, // 0: no timeout for an idle keep-alive connection
  requestTimeout: 0,
  headersTimeout: 0,
}, (req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat([Buffer.from(`${req.method} ${req.url}\n`),
      ...chunks]);
    res.sendDate = false;
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 0;
server.timeout = 0;

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});

server.listen(0, '127.0.0.1', () => {
  const tmp = `${portFile}.tmp`;
  fs.writeFileSync(tmp, `${server.address().port}\n`);
  fs.renameSync(tmp, portFile);
});
