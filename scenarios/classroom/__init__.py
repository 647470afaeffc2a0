"""classroom: the workshop as a class. The class server (an app factory over SQLite: learners
join with the class code and post their verdicts; the instructor's live board reads them with
a token) and the learner's side (joining, and an outbox that posts each check's verdicts
without ever slowing the check by more than half a second); the hand-out and reset.

It sits between tracks/ and cli/: it imports from tracks/ and below, and only cli/ imports it.
"""
