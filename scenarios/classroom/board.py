"""The instructor's side of the class server: a login that trades the token, given once, for a
session cookie (HttpOnly: no script on the page can read it; SameSite=Strict: no other site's
page can send it), the live board, and the progress as JSON (a Bearer token) and CSV."""

import time

from flask import Blueprint, Response, current_app, jsonify, redirect, render_template, request

from scenarios.classroom.export import to_csv
from scenarios.classroom.guard import bearer, same_secret
from scenarios.classroom.learner_api import refuse
from scenarios.classroom.progress import progress
from scenarios.classroom.sessions import SECONDS, Sessions

board = Blueprint("board", __name__, static_folder="static", template_folder="templates")
COOKIE = "board_session"


def _classroom():
    return current_app.extensions["classroom"]


def _signed_in():
    session = request.cookies.get(COOKIE)
    return session is not None and Sessions(_classroom().store).valid(session)


def _model():
    classroom = _classroom()
    return progress(classroom.store, time.time(), classroom.fingerprint)


@board.get("/")
def home():
    return redirect("/board" if _signed_in() else "/login", 303)


@board.get("/login")
def login_page():
    return render_template("login.html", wrong=False)


@board.post("/login")
def login():
    classroom = _classroom()
    if classroom.guesses.waiting(request.remote_addr):
        return render_template("login.html", wrong="Too many wrong tokens: wait a minute."), 429
    if not same_secret(request.form.get("token", ""), classroom.token):
        classroom.guesses.allow(request.remote_addr)
        return render_template("login.html", wrong="That is not this classroom's token."), 403
    response = redirect("/board", 303)
    # Not Secure: the class is plain HTTP (loopback, or a LAN), where a Secure cookie would
    # never be sent back. Not in a URL: the token leaves the address bar and the history.
    response.set_cookie(
        COOKIE,
        Sessions(classroom.store).open(),
        max_age=SECONDS,
        httponly=True,
        samesite="Strict",
        path="/",
    )
    return response


@board.post("/logout")
def logout():
    if request.cookies.get(COOKIE):
        Sessions(_classroom().store).close(request.cookies[COOKIE])
    response = redirect("/login", 303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="Strict")
    return response


@board.get("/board")
def page():
    if not _signed_in():
        return redirect("/login", 303)
    return render_template("board.html", join=_classroom().join_command)


@board.get("/board.json")
def board_json():
    if not _signed_in():
        return refuse(401, "not signed in: open /login")
    return jsonify(_model())


@board.get("/progress.json")
def progress_json():
    denied = _token_denied()
    return denied or jsonify(_model())


@board.get("/progress.csv")
def progress_csv():
    denied = None if _signed_in() else _token_denied()
    if denied:
        return denied
    headers = {"Content-Disposition": 'attachment; filename="progress.csv"'}
    return Response(to_csv(_model()), mimetype="text/csv", headers=headers)


def _token_denied():
    """None when the request carries the instructor's token; else a 401 or 403."""
    token = bearer(request)
    if token is None:
        return refuse(401, "give the instructor's token: Authorization: Bearer TOKEN",
                      {"WWW-Authenticate": "Bearer"})  # fmt: skip
    if not same_secret(token, _classroom().token):
        return refuse(403, "that is not this classroom's instructor token")
    return None
