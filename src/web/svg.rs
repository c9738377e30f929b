//! Charts drawn on the server as SVG: a timeline of bars (each a link that
//! narrows the search to its period) and dots on the outline maps (the
//! region around Ukraine with oblast borders, and the world). No
//! script is needed to see or use them.

use maud::{html, Markup};

/// Map frame, as in `scripts/build_outline_map.py` (which drew
/// `assets/outline.svg` with the same projection): west, east, south and
/// north edges in degrees.
pub const FRAME_LON: (f64, f64) = (21.5, 41.5);
/// See [`FRAME_LON`].
pub const FRAME_LAT: (f64, f64) = (43.8, 53.0);
/// Width of the map in SVG units.
pub const MAP_WIDTH: f64 = 800.0;

fn map_scale() -> (f64, f64) {
    let kx = 48.5_f64.to_radians().cos();
    (kx, MAP_WIDTH / ((FRAME_LON.1 - FRAME_LON.0) * kx))
}

/// Height of the map in SVG units.
pub fn map_height() -> f64 {
    let (_, scale) = map_scale();
    ((FRAME_LAT.1 - FRAME_LAT.0) * scale * 10.0).round() / 10.0
}

/// Map coordinates of a point, when it lies inside the frame.
pub fn project(lat: f64, lon: f64) -> Option<(f64, f64)> {
    if !(FRAME_LON.0..=FRAME_LON.1).contains(&lon) || !(FRAME_LAT.0..=FRAME_LAT.1).contains(&lat) {
        return None;
    }
    let (kx, scale) = map_scale();
    Some((
        (lon - FRAME_LON.0) * kx * scale,
        (FRAME_LAT.1 - lat) * scale,
    ))
}

/// One bar of a timeline.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Period label (`2025-11`).
    pub label: String,
    /// Articles.
    pub count: u64,
    /// Where a click goes.
    pub href: String,
}

/// A bar chart of articles per period.
pub fn timeline(bars: &[Bar]) -> Markup {
    const W: f64 = 760.0;
    const H: f64 = 150.0;
    const TOP: f64 = 14.0;
    const BOTTOM: f64 = 20.0;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let step = W / bars.len().max(1) as f64;
    let gap = if step > 4.0 { 1.0 } else { 0.0 };
    html! {
        svg.timeline xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {H}"))
            role="img" aria-label="Articles per period" {
            line.axis x1="0" y1=(H - BOTTOM) x2=(W) y2=(H - BOTTOM) {}
            @for (i, b) in bars.iter().enumerate() {
                @let h = (b.count as f64 / max) * (H - TOP - BOTTOM);
                a href=(b.href) {
                    rect.bar x=(fmt(i as f64 * step)) y=(fmt(H - BOTTOM - h))
                        width=(fmt((step - gap).max(0.5))) height=(fmt(h.max(1.0))) {
                        title { (b.label) ": " (b.count) " articles" }
                    }
                }
            }
            @if let (Some(first), Some(last)) = (bars.first(), bars.last()) {
                text.label x="0" y=(H - 5.0) { (first.label) }
                text.label x=(W) y=(H - 5.0) text-anchor="end" { (last.label) }
                text.label x="0" y="10" { "max " (max as u64) }
            }
        }
    }
}

/// A place on the map.
#[derive(Debug, Clone)]
pub struct Dot {
    /// Display name.
    pub name: String,
    /// Articles.
    pub count: u64,
    /// Latitude and longitude.
    pub lat: f64,
    /// See `lat`.
    pub lon: f64,
    /// Where a click goes.
    pub href: String,
    /// Drawn in the accent colour (the place a page is about).
    pub focus: bool,
}

/// Dots sized by article count on the outline map; dots outside the frame
/// are left out (callers list them).
pub fn map(dots: &[Dot]) -> Markup {
    let height = map_height();
    let max = dots.iter().map(|d| d.count).max().unwrap_or(0).max(1) as f64;
    // Largest first, so small dots stay clickable on top.
    let mut order: Vec<&Dot> = dots.iter().collect();
    order.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    html! {
        svg.map xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {MAP_WIDTH} {height}"))
            role="img" aria-label="Map of places" {
            image href="/assets/outline.svg" x="0" y="0" width=(MAP_WIDTH) height=(height) {}
            @for d in order {
                @if let Some((x, y)) = project(d.lat, d.lon) {
                    a href=(d.href) {
                        circle.dot.focus[d.focus] cx=(fmt(x)) cy=(fmt(y))
                            r=(fmt(3.0 + 17.0 * (d.count as f64 / max).sqrt())) {
                            title { (d.name) ": " (d.count) " articles" }
                        }
                    }
                }
            }
        }
    }
}

/// World map frame, as in `scripts/build_outline_map.py --world` (which
/// drew `assets/world.svg`, plate carrée): south and north edges in
/// degrees; it spans every longitude.
pub const WORLD_LAT: (f64, f64) = (-60.0, 84.0);

fn world_scale() -> f64 {
    MAP_WIDTH / 360.0
}

/// Height of the world map in SVG units.
pub fn world_height() -> f64 {
    ((WORLD_LAT.1 - WORLD_LAT.0) * world_scale() * 10.0).round() / 10.0
}

/// World map coordinates of a point.
pub fn project_world(lat: f64, lon: f64) -> Option<(f64, f64)> {
    if !(-180.0..=180.0).contains(&lon) || !(WORLD_LAT.0..=WORLD_LAT.1).contains(&lat) {
        return None;
    }
    Some((
        (lon + 180.0) * world_scale(),
        (WORLD_LAT.1 - lat) * world_scale(),
    ))
}

/// Dots sized by article count on the world's country borders, for places
/// outside the regional map (Washington, Brussels, Beijing…).
pub fn world_map(dots: &[Dot]) -> Markup {
    let height = world_height();
    let max = dots.iter().map(|d| d.count).max().unwrap_or(0).max(1) as f64;
    let mut order: Vec<&Dot> = dots.iter().collect();
    order.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    html! {
        svg.map.world xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {MAP_WIDTH} {height}"))
            role="img" aria-label="World map of places" {
            image href="/assets/world.svg" x="0" y="0" width=(MAP_WIDTH) height=(height) {}
            @for d in order {
                @if let Some((x, y)) = project_world(d.lat, d.lon) {
                    a href=(d.href) {
                        circle.dot.focus[d.focus] cx=(fmt(x)) cy=(fmt(y))
                            r=(fmt(2.0 + 8.0 * (d.count as f64 / max).sqrt())) {
                            title { (d.name) ": " (d.count) " articles" }
                        }
                    }
                }
            }
        }
    }
}

/// The regional map, and the world map too when some dots lie outside the
/// region.
pub fn maps(dots: &[Dot]) -> Markup {
    let outside = dots.iter().any(|d| project(d.lat, d.lon).is_none());
    html! {
        (map(dots))
        @if outside { (world_map(dots)) }
    }
}

fn fmt(v: f64) -> String {
    format!("{:.1}", v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_matches_the_outline() {
        // Kyiv lies in the north-centre of the frame, Sevastopol in the south.
        let (x, y) = project(50.45, 30.52).expect("Kyiv is inside");
        assert!(
            (300.0..400.0).contains(&x) && (150.0..250.0).contains(&y),
            "{x},{y}"
        );
        let (_, ys) = project(44.6, 33.5).expect("Sevastopol is inside");
        assert!(ys > 450.0);
        assert!(project(55.75, 37.6).is_none(), "Moscow is outside");
        // The outline was drawn for the same frame.
        let outline = include_str!("assets/outline.svg");
        assert!(outline.contains(&format!("viewBox=\"0 0 800 {}\"", map_height())));
    }

    #[test]
    fn charts_escape_labels_and_scale_bars() {
        let bars = [
            Bar {
                label: "<b>".into(),
                count: 2,
                href: "/search?from=1".into(),
            },
            Bar {
                label: "2025-02".into(),
                count: 4,
                href: "/search?from=2".into(),
            },
        ];
        let svg = timeline(&bars).into_string();
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        assert_eq!(svg.matches("<rect").count(), 2);
        let dots = [Dot {
            name: "Kyiv".into(),
            count: 3,
            lat: 50.45,
            lon: 30.52,
            href: "/place/kyiv".into(),
            focus: true,
        }];
        let svg = map(&dots).into_string();
        assert!(svg.contains("<circle") && svg.contains("href=\"/place/kyiv\""));
        // All inside the region: no world map.
        assert!(!maps(&dots).into_string().contains("world.svg"));
    }

    #[test]
    fn places_outside_the_region_go_on_the_world_map() {
        let (x, y) = project_world(38.9, -77.0).expect("Washington");
        assert!(
            (200.0..250.0).contains(&x) && (90.0..110.0).contains(&y),
            "{x},{y}"
        );
        let (xb, _) = project_world(39.9, 116.4).expect("Beijing");
        assert!(xb > 600.0);
        assert!(project_world(-75.0, 0.0).is_none(), "Antarctica is cut");
        let dots = [
            Dot {
                name: "Kyiv".into(),
                count: 3,
                lat: 50.45,
                lon: 30.52,
                href: "/place/kyiv".into(),
                focus: false,
            },
            Dot {
                name: "Washington".into(),
                count: 1,
                lat: 38.9,
                lon: -77.0,
                href: "/place/washington".into(),
                focus: false,
            },
        ];
        let svg = maps(&dots).into_string();
        assert!(svg.contains("/assets/world.svg"));
        // Kyiv on both maps, Washington on the world map only.
        assert_eq!(svg.matches("href=\"/place/kyiv\"").count(), 2);
        assert_eq!(svg.matches("href=\"/place/washington\"").count(), 1);
        let world = include_str!("assets/world.svg");
        assert!(world.contains(&format!("viewBox=\"0 0 800 {}\"", world_height())));
        assert!(world.contains("data-name=\"United States of America\""));
    }
}
