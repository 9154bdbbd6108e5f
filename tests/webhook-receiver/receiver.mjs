// A webhook receiver for the API tests (ADR 0030): listens on 127.0.0.1:<port>, verifies every delivery's signature
// with the standardwebhooks package (an implementation independent of the server's), records what came, and answers
// with the status the test asked for.
//   POST /__control  {"status": 500, "secrets": ["whsec_…", …]}  what to answer next, and the secrets to verify with
//   GET  /__received                                            every delivery so far, oldest first
// Anything else is a delivery: {path, id, timestamp, signature, body, verified: [one boolean per secret], error}.
import http from "node:http";
import { Webhook } from "standardwebhooks";

const port = Number(process.argv[2]);
let status = 200;
let secrets = [];
const received = [];

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

const server = http.createServer(async (request, response) => {
  const body = await readBody(request);
  if (request.url === "/__control" && request.method === "POST") {
    const control = JSON.parse(body);
    if (control.status !== undefined) status = control.status;
    if (control.secrets !== undefined) secrets = control.secrets;
    response.writeHead(204).end();
    return;
  }
  if (request.url === "/__received") {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
    return;
  }
  const headers = {
    "webhook-id": request.headers["webhook-id"],
    "webhook-timestamp": request.headers["webhook-timestamp"],
    "webhook-signature": request.headers["webhook-signature"],
  };
  const errors = [];
  const verified = secrets.map((secret) => {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch (error) {
      errors.push(String(error && error.message));
      return false;
    }
  });
  received.push({
    path: request.url,
    method: request.method,
    id: headers["webhook-id"],
    timestamp: headers["webhook-timestamp"],
    signature: headers["webhook-signature"],
    contentType: request.headers["content-type"],
    body,
    verified,
    errors,
    answered: status,
  });
  response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `failing on purpose (${status})`);
});

server.listen(port, "127.0.0.1", () => console.log(`listening on ${port}`));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
