#!/usr/bin/env node
// node_self_http.js REQUESTS CONCURRENCY: an HTTP server and its client in
// one Node.js process, so one libuv loop accepts, connects, reads and
// closes both ends of every connection.  Each request is its own
// connection (agent: false), CONCURRENCY of them at a time; the server
// answers "hello\n".  Prints "ok N" when all N were answered, and exits 0;
// on any error it prints it and exits 1.
'use strict';

const http = require('http');

const total = Number(process.argv[2]);
const concurrency = Number(process.argv[3]);
if (process.argv.length !== 4 || !(total > 0) || !(concurrency > 0)) {
  process.stderr.write('usage: node_self_http.js REQUESTS CONCURRENCY\n');
  process.exit(2);
}

const server = http.createServer((req, res) => res.end('hello\n'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let started = 0;
  let answered = 0;
  const next = () => {
    if (started >= total) return;
    started++;
    http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => {
        if (body !== 'hello\n') fail(new Error(`reply ${JSON.stringify(body)}`));
        if (++answered === total) {
          server.close();
          process.stdout.write(`ok ${answered}\n`);
        } else {
          next();
        }
      });
    }).on('error', fail);
  };
  for (let i = 0; i < concurrency; i++) next();
});

function fail(err) {
  process.stdout.write(`error: ${err.message}\n`);
  process.exit(1);
}
