"""A regtrain webhook receiver that checks every delivery's signature (Standard Webhooks), standard library only.

Usage: REGTRAIN_WEBHOOK_SECRET=whsec_... python3 examples/webhook_receiver.py [port]
"""
import base64, hashlib, hmac, json, os, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

KEY = base64.b64decode(os.environ["REGTRAIN_WEBHOOK_SECRET"].removeprefix("whsec_"))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        event_id, timestamp = self.headers["webhook-id"], self.headers["webhook-timestamp"]
        signed = f"{event_id}.{timestamp}.".encode() + body
        expected = base64.b64encode(hmac.new(KEY, signed, hashlib.sha256).digest()).decode()
        given = [s.partition(",")[2] for s in self.headers["webhook-signature"].split()]  # "v1,<base64> ..."
        if abs(time.time() - int(timestamp)) > 300 or not any(hmac.compare_digest(expected, g) for g in given):
            self.send_response(401)  # forged, altered or replayed: rejected (it is retried, then given up)
        else:
            event = json.loads(body)  # at least once: an event id seen before is a retry of the same event
            print("verified", event["id"], event["type"], event["data"].get("id"), event["data"].get("status"),
                  flush=True)
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 9000), Receiver).serve_forever()
