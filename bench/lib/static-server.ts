// The ceiling for the lesson page: node:http answering every GET with the same HTML bytes the app
// served for the lesson page, with the same content type. Like `next start`, it gzips per request
// only when the request accepts gzip (autocannon sends no Accept-Encoding, so neither compresses).
// Usage: node --import tsx bench/lib/static-server.ts <port> <html file> <content type>
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";

const [port, file, contentType] = process.argv.slice(2);
const body = fs.readFileSync(file);

http
  .createServer((req, res) => {
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const gz = zlib.gzipSync(body);
      res.writeHead(200, { "content-type": contentType, "content-encoding": "gzip", "content-length": gz.length, vary: "Accept-Encoding" });
      res.end(gz);
      return;
    }
    res.writeHead(200, { "content-type": contentType, "content-length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1");
