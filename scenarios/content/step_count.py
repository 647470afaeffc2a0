"""How many steps a scenario has, and what each will say, read off its source before it runs:
"step 3 of 8", and in the report the steps a stopped run never reached.

A step is a ``with lab.step(...)``; one in a loop over a literal tuple (or a module's tuple
constant) counts once per item, and the two sides of an ``if`` must agree. Anything else (a
loop over what the page shows, a ``while``) makes the count unknown: None, and the overlay
says "step 3" alone rather than a number that could be wrong. A narration is its string with
the loop's item and the module's constants filled in; what only the run knows is "…".
"""

import ast
import inspect
import operator
import textwrap


class _Unknown(Exception):
    pass


def count_steps(function):
    """The number of steps ``function`` runs, or None when its source cannot say."""
    plan = plan_steps(function)
    return None if plan is None else len(plan)


def plan_steps(function):
    """What each step ``function`` runs will say, in order; None when its source cannot say."""
    try:
        module = inspect.getmodule(function)
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        constants = _constants(ast.parse(inspect.getsource(module))) if module else {}
        return tuple(_plan(tree.body[0].body, constants, {})[0])
    except (_Unknown, OSError, TypeError, SyntaxError):
        return None


def _constants(tree):
    """Module-level names bound to a literal: tuples and lists as lists of their items."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = _listed(value)
                elif isinstance(target, ast.Tuple) and isinstance(value, tuple):
                    names = [t.id for t in target.elts if isinstance(t, ast.Name)]
                    found.update(zip(names, map(_listed, value), strict=False))
    return found


def _listed(value):
    """A literal as a step loop sees it: a tuple's or a dict's items in a list."""
    return list(value) if isinstance(value, tuple | list | dict) else value


def _is_step(item):
    call = item.context_expr
    return isinstance(call, ast.Call) and getattr(call.func, "attr", None) == "step"


def _plan(body, constants, bound):
    """The narrations of the steps in ``body``, and the names it bound to a narration;
    ``bound``: the loop variables' items and the narrations named before ``body``."""
    steps, bound = [], dict(bound)
    for node in body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.JoinedStr | ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    bound[target.id] = _said(node.value, constants, bound)
        elif isinstance(node, ast.With):
            steps += [_said(i.context_expr, constants, bound) for i in node.items if _is_step(i)]
            steps += _plan(node.body, constants, bound)[0]
        elif isinstance(node, ast.For) and _has_step(node):
            for item in _items(node.iter, constants):
                named = isinstance(node.target, ast.Name)
                inner = {**bound, node.target.id: item} if named else bound
                steps += _plan(node.body, constants, inner)[0]
        elif isinstance(node, ast.If):
            (one, after_one), (two, after_two) = (
                _plan(node.body, constants, bound),
                _plan(node.orelse, constants, bound),
            )
            if len(one) != len(two):
                raise _Unknown()
            # Either side may run: each step, or narration named, says both when they differ.
            steps += [_either(a, b) for a, b in zip(one, two, strict=True)]
            for name in after_one.keys() & after_two.keys():
                bound[name] = _either(after_one[name], after_two[name])
        elif isinstance(node, ast.While | ast.Try | ast.AsyncFor | ast.AsyncWith | ast.Match):
            if _has_step(node):
                raise _Unknown()
    return steps, bound


def _either(one, two):
    return one if one == two else f"{one} (or: {two})"


def _said(node, constants, bound):
    """A step's narration (``node``: its call, or a string), as far as its source says it."""
    said = node.args[0] if isinstance(node, ast.Call) and node.args else node
    if isinstance(said, ast.Name) and isinstance(bound.get(said.id), str):
        return bound[said.id]
    if isinstance(said, ast.Constant):
        return str(said.value)
    if isinstance(said, ast.Name) and isinstance(constants.get(said.id), str):
        return constants[said.id]
    if not isinstance(said, ast.JoinedStr):
        return "\u2026"
    parts = []
    for part in said.values:
        if isinstance(part, ast.Constant):
            parts.append(str(part.value))
        else:
            parts.append(_value(part.value, constants, bound))
    return "".join(parts)


def _value(node, constants, bound):
    """A name or sum's value, as text; "…" for what only the run knows."""
    if isinstance(node, ast.Constant):
        return str(node.value)
    if isinstance(node, ast.Name):
        for names in (bound, constants):
            if node.id in names and isinstance(names[node.id], str | int | float):
                return str(names[node.id])
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = (_value(n, constants, bound) for n in (node.left, node.right))
        if left.isdigit() and right.isdigit():
            return str(_ARITHMETIC[type(node.op)](int(left), int(right)))
    return "\u2026"


_ARITHMETIC = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}


def _items(iterable, constants):
    if isinstance(iterable, ast.Tuple | ast.List):
        try:
            return [ast.literal_eval(e) for e in iterable.elts]
        except ValueError:
            return [None] * len(iterable.elts)
    if isinstance(iterable, ast.Name) and isinstance(constants.get(iterable.id), list):
        return constants[iterable.id]
    raise _Unknown()


def _has_step(node):
    return any(
        isinstance(n, ast.With) and any(_is_step(i) for i in n.items) for n in ast.walk(node)
    )
