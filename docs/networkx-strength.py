#!/usr/bin/env python3
"""Weighted strength of HCMC DOST, the embassies and the Mekong DOSTs, from the hub's exports, with networkx.

Reads the default one-mode export (node-link JSON or GraphML) and, when given, the two-mode export, either
from a running hub or from files:

    python3 docs/networkx-strength.py --hub http://localhost:4000
    python3 docs/networkx-strength.py network.json [network.graphml] [--two-mode two-mode.json]

Strength is the sum of an organisation's tie weights: each shared instrument with k organisations adds
1/(k-1) to each of its pairs (fractional counting), so one instrument adds at most 1 to an organisation
however many took part. The plain count (number of shared instruments) and degree are printed beside it.
"""
import argparse
import json
import sys
import urllib.parse
import urllib.request

import networkx as nx
from networkx.algorithms import bipartite

WATCHED = {
    "org-dost-ho-chi-minh": "HCMC DOST",
    "org-embassy-ch": "Embassy of Switzerland",
    "org-embassy-it": "Embassy of Italy",
    "org-embassy-br": "Embassy of Brazil",
    "org-embassy-fi": "Embassy of Finland",
    "org-embassy-ca": "Embassy of Canada",
    "org-dost-an-giang": "An Giang DOST",
    "org-dost-ca-mau": "Ca Mau DOST",
    "org-dost-can-tho": "Can Tho DOST",
    "org-dost-kien-giang": "Kien Giang DOST",
}

QUERY = "{ cooperationNetwork(limit: 2000) }"


def download(hub, fmt, mode="one-mode"):
    params = urllib.parse.urlencode({"query": QUERY, "format": fmt, "mode": mode})
    with urllib.request.urlopen(f"{hub.rstrip('/')}/export?{params}") as res:
        return res.read().decode("utf-8")


def from_node_link(text):
    return nx.node_link_graph(json.loads(text), edges="edges")


def report(graph, title):
    strength = dict(graph.degree(weight="weight"))
    count = dict(graph.degree(weight="count"))
    degree = dict(graph.degree())
    ranked = sorted(strength, key=lambda n: (-strength[n], n))
    rank = {n: i + 1 for i, n in enumerate(ranked)}
    cut = " (cut at its cap: strongest part only)" if graph.graph.get("truncated") else ""
    print(f"{title}: {graph.number_of_nodes()} organisations, {graph.number_of_edges()} ties{cut}")
    print(f"  {'organisation':<24} {'strength':>9} {'count':>6} {'degree':>6} {'rank':>5}")
    for node, name in WATCHED.items():
        if node in graph:
            print(f"  {name:<24} {strength[node]:9.3f} {count[node]:6.0f} {degree[node]:6d} {rank[node]:5d}")
        else:
            print(f"  {name:<24} {'(no tie)':>9}")
    hcmc = strength.get("org-dost-ho-chi-minh", 0)
    others = [n for n in WATCHED if n != "org-dost-ho-chi-minh"]
    above = all(hcmc > strength.get(n, 0) for n in others)
    print(f"  HCMC DOST above every embassy and Mekong DOST: {'yes' if above else 'NO'}")
    return above


def report_two_mode(graph):
    actors = {n for n, d in graph.nodes(data=True) if d.get("bipartite") == 0}
    instruments = set(graph) - actors
    ok = bipartite.is_bipartite_node_set(graph, actors) and all((u in actors) != (v in actors) for u, v in graph.edges())
    print(f"two-mode: {len(actors)} organisations, {len(instruments)} instruments, {graph.number_of_edges()} roles; bipartite: {'yes' if ok else 'NO'}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="one-mode exports: .json (node-link) or .graphml")
    parser.add_argument("--hub", help="base URL of a running hub, e.g. http://localhost:4000")
    parser.add_argument("--two-mode", help="a two-mode node-link JSON export")
    args = parser.parse_args()
    if not args.hub and not args.files:
        parser.error("give --hub or at least one export file")

    ok = True
    if args.hub:
        ok &= report(from_node_link(download(args.hub, "json")), "one-mode JSON from the hub")
        ok &= report(nx.parse_graphml(download(args.hub, "graphml")), "one-mode GraphML from the hub")
        ok &= report_two_mode(from_node_link(download(args.hub, "json", "two-mode")))
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        graph = nx.parse_graphml(text) if path.endswith(".graphml") else from_node_link(text)
        ok &= report(graph, path)
    if args.two_mode:
        with open(args.two_mode, encoding="utf-8") as f:
            ok &= report_two_mode(from_node_link(f.read()))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
