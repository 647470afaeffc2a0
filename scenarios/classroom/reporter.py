"""The learner's side of a check: its verdicts go to the outbox, then to the classroom, within
half a second. A classroom that is down, slow or refusing leaves them in the outbox for the
next check, and the learner reads one line saying so; the check's own result is untouched."""

import threading
import time

from scenarios.classroom import transport
from scenarios.classroom.membership import FOLDER, Membership
from scenarios.classroom.outbox import Outbox
from scenarios.classroom.verdicts import verdicts
from scenarios.classroom.wire import BATCH_MOST
from scenarios.core.observers import Observer
from scenarios.tracks.automation import fingerprint

BUDGET = 0.5  # seconds a check may wait on the classroom, at most


class Delivery:
    """Sends what the outbox holds, batch by batch, until ``deadline``; remembers how it went.
    It runs in a thread of its own, so that even a name lookup that hangs (which no socket
    timeout bounds) keeps the check waiting no longer than the deadline."""

    def __init__(self, membership, outbox):
        self.membership, self.outbox = membership, outbox
        self.sent, self.set_aside, self.problem = 0, [], None

    def run(self, deadline):
        url = f"{self.membership.url}/api/verdicts"
        while batch := self.outbox.pending()[:BATCH_MOST]:
            left = deadline - time.monotonic()
            if left <= 0.01:
                self.problem = f"did not answer within {BUDGET:g} s"
                return
            try:
                status, answer = transport.post(url, {"verdicts": batch}, left, self.membership.key)
            except transport.Unreachable as exc:
                self.problem = f"does not answer ({exc})"
                return
            keys = {v.get("key") for v in batch}
            index = answer.get("index")
            if status == 200 and keys & set(answer.get("keys", ())):
                self.outbox.forget(keys & set(answer["keys"]))
                self.sent += len(keys & set(answer["keys"]))
            elif status == 400 and type(index) is int and 0 <= index < len(batch):
                # One verdict this classroom will never take (an older server?): set aside, so
                # it cannot hold back the rest for ever.
                self.outbox.forget([batch[index].get("key")])
                self.set_aside.append(answer.get("error", "refused"))
            else:
                self.problem = f"said HTTP {status}: {answer.get('error', 'no reason given')}"
                return


class ClassReporter(Observer):
    """Hears a check's outcomes and, as the check ends, reports them to the class."""

    def __init__(self, membership, checkout, out, budget=BUDGET):
        self.membership, self.out, self.budget = membership, out, budget
        self.outbox = Outbox(checkout / FOLDER)
        self.outcomes = []

    def exercise_finished(self, outcome):
        self.outcomes.append(outcome)

    def run_finished(self, outcomes):
        started = time.monotonic()
        self.outbox.add(verdicts(self.outcomes, fingerprint.seal()))
        delivery = Delivery(self.membership, self.outbox)
        thread = threading.Thread(target=delivery.run, args=(started + self.budget,), daemon=True)
        thread.start()
        thread.join(max(0.0, started + self.budget - time.monotonic()))
        self.out.write(self._said(delivery, thread.is_alive()))
        self.out.flush()

    def _said(self, delivery, late):
        where = f"Classroom ({self.membership.url}, as {self.membership.name})"
        lines = [f"{where}: set aside a verdict it refuses: {why}\n" for why in delivery.set_aside]
        waiting = len(self.outbox.pending())
        if late or delivery.problem:
            problem = delivery.problem if not late else f"did not answer within {self.budget:g} s"
            lines.append(
                f"{where} {problem}; {waiting} verdict(s) wait in {FOLDER}/outbox.json and go "
                "with your next check.\n"
            )
        else:
            lines.append(f"{where}: {delivery.sent} verdict(s) sent.\n")
        return "".join(lines)


def reporters(tree, out, solutions=False):
    """[a ClassReporter] when the checkout of ``tree`` (an exercises folder) has joined a
    class, else []. The reference solutions are not the learner's work: never reported."""
    checkout = tree.parent
    membership = None if solutions else Membership.load(checkout)
    return [] if membership is None else [ClassReporter(membership, checkout, out)]
