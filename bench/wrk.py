"""Run wrk and read its report."""

import re
import subprocess
from dataclasses import dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int  # wrk counts "non-2xx or 3xx"; the warm-up checked every page answers 200
    socket_errors: int

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS_MS[unit]


def parse(output: str) -> WrkResult:
    def find(pattern, default="0"):
        match = re.search(pattern, output)
        return match.group(1) if match else default

    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        rps=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_ms(find(r"\n\s+50%\s+([\d.]+\w+)", "0ms")),
        p99_ms=_ms(find(r"\n\s+99%\s+([\d.]+\w+)", "0ms")),
        requests=int(find(r"(\d+) requests in")),
        non_2xx=int(find(r"Non-2xx or 3xx responses: (\d+)")),
        socket_errors=sum(int(n) for n in socket.groups()) if socket else 0,
    )


def run(
    url: str, *, seconds: int, connections: int, threads: int, headers=(), script: str = ""
) -> WrkResult:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", script]  # a Lua script choosing each request (bench/mixed.py)
    for header in headers:
        command += ["-H", header]
    result = subprocess.run(  # noqa: S603 - fixed command
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    )
    return parse(result.stdout)
