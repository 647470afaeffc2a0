"""How many steps a scenario has, read off its source before it runs: "step 3 of 8".

A step is a ``with lab.step(...)``; one in a loop over a literal tuple (or a module's tuple
constant) counts once per item, and the two sides of an ``if`` must agree. Anything else (a
loop over what the page shows, a ``while``) makes the count unknown: None, and the overlay
says "step 3" alone rather than a number that could be wrong.
"""

import ast
import inspect
import textwrap


class _Unknown(Exception):
    pass


def count_steps(function):
    """The number of steps ``function`` runs, or None when its source cannot say."""
    try:
        module = inspect.getmodule(function)
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        constants = _constants(ast.parse(inspect.getsource(module))) if module else {}
        return _count(tree.body[0].body, constants)
    except (_Unknown, OSError, TypeError, SyntaxError):
        return None


def _constants(tree):
    """Module-level names bound to a literal tuple or list: their lengths."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple | ast.List):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = len(node.value.elts)
    return found


def _is_step(item):
    call = item.context_expr
    return isinstance(call, ast.Call) and getattr(call.func, "attr", None) == "step"


def _count(body, constants):
    total = 0
    for node in body:
        if isinstance(node, ast.With):
            total += sum(1 for item in node.items if _is_step(item))
            total += _count(node.body, constants)
        elif isinstance(node, ast.For):
            inner = _count(node.body, constants)
            if inner:
                total += inner * _length(node.iter, constants)
        elif isinstance(node, ast.If):
            sides = {_count(node.body, constants), _count(node.orelse, constants)}
            if len(sides) > 1:
                raise _Unknown()
            total += sides.pop()
        elif isinstance(node, ast.While | ast.Try | ast.AsyncFor | ast.AsyncWith | ast.Match):
            if _has_step(node):
                raise _Unknown()
    return total


def _length(iterable, constants):
    if isinstance(iterable, ast.Tuple | ast.List):
        return len(iterable.elts)
    if isinstance(iterable, ast.Name) and iterable.id in constants:
        return constants[iterable.id]
    raise _Unknown()


def _has_step(node):
    return any(
        isinstance(n, ast.With) and any(_is_step(i) for i in n.items) for n in ast.walk(node)
    )
