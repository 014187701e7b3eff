"""HTTP clients in a process of their own, so that they do not share the server's GIL.

    python http_clients.py <port> <threads>   < requests (JSON)   > results (JSON)

Requests: a list of ``[method, path, headers, body]`` (body a string or null). The threads take
them in order, each on a new connection to 127.0.0.1:<port>, as a phone would; results: a list
of ``[status, seconds]`` in the order the answers came. Standard library only.
"""

import http.client
import json
import sys
import threading
import time


def request(port, method, path, headers, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start = time.perf_counter()
    connection.request(method, path, body=body.encode("utf-8") if body is not None else None, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.perf_counter() - start


def run(port, items, threads):
    """The requests ``items`` sent by ``threads`` threads; ``[status, seconds]`` of each."""
    items = iter(items)
    results, lock = [], threading.Lock()

    def worker():
        while True:
            with lock:
                item = next(items, None)
            if item is None:
                return
            result = request(port, *item)
            with lock:
                results.append(result)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return results


def main(port, threads):
    json.dump(run(port, json.load(sys.stdin), threads), sys.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
