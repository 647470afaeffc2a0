"""Run a command with no network but loopback, and record every DNS lookup it makes.

Run inside `unshare -n -m` (a network namespace of its own, and mounts of its own):

    unshare -n -m python tests/offline.py COMMAND...

It brings loopback up, points /etc/resolv.conf at a recorder on 127.0.0.53 that answers
every question "no such name" (so nothing waits for an answer), adds `lab-host.test` to
/etc/hosts for 127.0.0.1, runs COMMAND (bounded), and prints one JSON object: the command's
exit status, its output, and the names looked up.
"""

import json
import socket
import struct
import subprocess
import sys
import tempfile
import threading

RESOLVER = "127.0.0.53"
NAMED_HOST = "lab-host.test"


def _bind_over(path, text):
    with tempfile.NamedTemporaryFile("w", delete=False, prefix="offline-") as replacement:
        replacement.write(text)
    subprocess.run(["mount", "--bind", replacement.name, path], check=True)


def _question(packet):
    labels, i = [], 12
    while i < len(packet) and packet[i]:
        labels.append(packet[i + 1 : i + 1 + packet[i]].decode(errors="replace"))
        i += 1 + packet[i]
    return ".".join(labels)


def _answer_no_such_name(sock, asked):
    while True:
        packet, sender = sock.recvfrom(4096)
        asked.append(_question(packet))
        flags = struct.unpack(">H", packet[2:4])[0] | 0x8080  # a response; recursion offered
        sock.sendto(packet[:2] + struct.pack(">H", (flags & ~0xF) | 3) + packet[4:], sender)


def main(command):
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    with open("/etc/hosts") as hosts:
        _bind_over("/etc/hosts", f"{hosts.read()}\n127.0.0.1 {NAMED_HOST}\n")
    _bind_over("/etc/resolv.conf", f"nameserver {RESOLVER}\n")
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((RESOLVER, 53))
    asked = []
    threading.Thread(target=_answer_no_such_name, args=(sock, asked), daemon=True).start()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    print(
        json.dumps({"status": done.returncode, "output": done.stdout + done.stderr, "asked": asked})
    )


if __name__ == "__main__":
    main(sys.argv[1:])
