// A tiny HTTP client for the ops server tests: node:http, so a test can send any Host header.
import http from "node:http";

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function get(url: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

/** Prometheus text format to `name{labels}` -> value (labels in the order the server wrote them). */
export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/** A form POST (application/x-www-form-urlencoded), as a browser without scripts sends it. */
export function post(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  const body = new URLSearchParams(form).toString();
  return send(url, "POST", body, { "Content-Type": "application/x-www-form-urlencoded", ...headers });
}

/** Any method and body; the body's length goes in Content-Length. */
export function send(
  url: string,
  method: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: { "Content-Length": String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
