#!/usr/bin/env node
// Regenerates src/main/resources/geo/countries.tsv and landmasses.tsv from the npm package
// world-countries (mledoze/countries, ODbL-1.0). Run by hand, never by the build:
//
//   cd /tmp && npm pack world-countries@5.1.0 && mkdir -p wc && tar xzf world-countries-5.1.0.tgz -C wc
//   node common/scripts/extract-countries.mjs /tmp/wc/package common/src/main/resources/geo
//
// countries.tsv: cca3, landlocked (true/false), land borders (cca3, comma separated), as the package has them.
// landmasses.tsv: one land polygon (outer ring) of a country per line: cca3, polygon number (0 = the country's
// largest by area), then lon,lat pairs rounded to 1 decimal (about 10 km;
// a point within 0.2 degrees of the previous one kept is dropped), for polygons of at least 0.05 square degrees (about 500 km2; smaller islands are left out), from data/<cca3>.geo.json.
import fs from 'node:fs';
import path from 'node:path';

const [pkgDir, outDir] = process.argv.slice(2);
if (!pkgDir || !outDir) {
    console.error('usage: extract-countries.mjs <unpacked world-countries package dir> <output dir>');
    process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const countries = JSON.parse(fs.readFileSync(path.join(pkgDir, 'countries.json'), 'utf8'))
    .sort((a, b) => a.cca3.localeCompare(b.cca3));

const header = `# extracted from ${pkg.name} ${pkg.version} (ODbL-1.0) by scripts/extract-countries.mjs; see README.md\n`;
const rows = countries.map(c => [c.cca3, c.landlocked ? 'true' : 'false', (c.borders || []).join(',')].join('\t'));
fs.writeFileSync(path.join(outDir, 'countries.tsv'), header + 'cca3\tlandlocked\tborders\n' + rows.join('\n') + '\n');

const MIN_AREA = 0.05;

function area(ring) {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    }
    return Math.abs(a / 2);
}
const lines = [];
for (const c of countries) {
    const file = path.join(pkgDir, 'data', c.cca3.toLowerCase() + '.geo.json');
    if (!fs.existsSync(file)) {
        continue;
    }
    const rings = [];
    for (const f of JSON.parse(fs.readFileSync(file, 'utf8')).features) {
        const g = f.geometry;
        if (!g) continue;
        const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        polygons.forEach(p => rings.push(p[0]));
    }
    rings.sort((a, b) => area(b) - area(a));
    rings.filter(r => area(r) >= MIN_AREA).forEach((ring, i) => {
        const pts = [];
        let last = null;
        for (const [lon, lat] of ring) {
            // a point closer than 0.2 degrees (about 20 km) to the last one kept adds nothing at this resolution
            if (last && Math.abs(lon - last[0]) < 0.2 && Math.abs(lat - last[1]) < 0.2) continue;
            last = [lon, lat];
            pts.push(lon.toFixed(1) + ',' + lat.toFixed(1));
        }
        if (pts.length >= 4) lines.push([c.cca3, i, pts.join(' ')].join('\t'));
    });
}
fs.writeFileSync(path.join(outDir, 'landmasses.tsv'), header + lines.join('\n') + '\n');
console.log(`${rows.length} countries, ${lines.length} land polygons`);
