import { connect } from "node:net";

/** Sends raw HTTP request text to 127.0.0.1:port and resolves the whole reply (fetch would set a Host of its own). */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk));
    socket.on("end", () => resolve(reply));
    socket.on("error", reject);
    socket.write(text);
  });
}
