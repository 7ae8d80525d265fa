// Checks grafana/dashboard.json against Grafana's dashboard schema: the TypeScript types Grafana Labs generate
// from the dashboard's CUE schema (@grafana/grafana-foundation-sdk), applied by the TypeScript compiler to the
// dashboard as an object literal, so an unknown key, a wrong type or a bad enum value is an error. Prometheus
// targets are checked against the Prometheus query schema. Then the import contract: the datasource is the
// DS_PROMETHEUS input everywhere, with job/instance/model variables. Finally it proves it can fail: a copy with
// a misspelt key and a wrong type must be rejected.
// Usage: node check.mjs <dashboard.json> <work dir with node_modules>. Prints 'N passed, M failed'.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dashboardPath, work] = process.argv.slice(2);
const dashboard = JSON.parse(readFileSync(dashboardPath, 'utf8'));
const results = [];
const check = (name, ok, detail = '') => results.push({ name, ok, detail });

const TYPES = `
import type { Dashboard, Panel } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Dataquery as PrometheusQuery } from '@grafana/grafana-foundation-sdk/prometheus';
// JSON spells enum members by value: map every enum type to the union of its values, recursively.
type Json<T> = 0 extends (1 & T) ? any
    : T extends (...args: any[]) => any ? never
    : T extends (infer U)[] ? Json<U>[]
    : T extends string ? \`\${T}\`
    : T extends object ? { [K in keyof T as T[K] extends (...args: any[]) => any ? never : K]: Json<T[K]> }
    : T;
type CheckedPanel = Omit<Json<Panel>, 'targets'> & { targets: Json<PrometheusQuery>[] };
export type CheckedDashboard = Omit<Json<Dashboard>, 'panels'> & { panels: CheckedPanel[] };
`;

function typeCheck(candidate, name) {
    const { __inputs, __requires, ...schemaPart } = candidate; // import metadata, outside the dashboard schema
    writeFileSync(join(work, 'types.ts'), TYPES);
    writeFileSync(join(work, `${name}.ts`), `import type { CheckedDashboard } from './types';\n`
        + `export const dashboard: CheckedDashboard = ${JSON.stringify(schemaPart, null, 2)};\n`);
    try {
        execFileSync(join(work, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--skipLibCheck', '--target',
            'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', join(work, `${name}.ts`)],
            { cwd: work, stdio: 'pipe' });
        return '';
    } catch (error) {
        return String(error.stdout || error.message);
    }
}

const errors = typeCheck(dashboard, 'dashboard');
check('dashboard.json matches Grafana\'s dashboard schema (grafana-foundation-sdk, tsc --strict)', errors === '',
    errors.trim().split('\n').slice(0, 8).join(' | '));

const broken = structuredClone(dashboard);
broken.panels[0].gridPoss = broken.panels[0].gridPos; // misspelt key
broken.panels[1].gridPos.w = '12'; // a string where the schema has a number
broken.templating.list[1].type = 'querry'; // not a variable type
const brokenErrors = typeCheck(broken, 'broken');
check('the schema check rejects a misspelt key, a wrong type and an unknown variable type',
    ['gridPoss', "'string' is not assignable to type 'number'", 'querry'].every((s) => brokenErrors.includes(s)),
    brokenErrors.trim().split('\n').slice(0, 6).join(' | '));

const inputs = dashboard.__inputs || [];
check('__inputs declares the DS_PROMETHEUS datasource input',
    inputs.some((i) => i.name === 'DS_PROMETHEUS' && i.type === 'datasource' && i.pluginId === 'prometheus'));
const refs = [];
for (const panel of dashboard.panels) {
    refs.push(panel.datasource, ...panel.targets.map((t) => t.datasource));
}
const variables = dashboard.templating.list;
variables.filter((v) => v.datasource).forEach((v) => refs.push(v.datasource));
check('every panel, query and variable uses ${DS_PROMETHEUS} (no hard-coded datasource uid)',
    refs.length > 0 && refs.every((r) => r && r.uid === '${DS_PROMETHEUS}'), `${refs.length} references`);
check('DS_PROMETHEUS is also a datasource variable, so file provisioning resolves it',
    variables.some((v) => v.name === 'DS_PROMETHEUS' && v.type === 'datasource' && v.query === 'prometheus'));
for (const name of ['job', 'instance', 'model']) {
    check(`variable '${name}' exists and every query filters by it`, variables.some((v) => v.name === name)
        && dashboard.panels.every((p) => p.targets.every((t) => t.expr.includes(`$${name}`))));
}

// Compose provisioning: the file provider loads dashboard.json as it is (no import step fills in __inputs), so
// ${DS_PROMETHEUS} must resolve through the datasource variable to the provisioned default Prometheus.
const grafana = join(dashboardPath, '..');
const compose = readFileSync(join(grafana, 'docker-compose.yml'), 'utf8');
const datasources = readFileSync(join(grafana, 'provisioning', 'datasources', 'prometheus.yml'), 'utf8');
check('docker compose provisions this dashboard and a default Prometheus the DS_PROMETHEUS variable selects',
    /\.\/dashboard\.json:\/var\/lib\/grafana\/dashboards\//.test(compose) && /type:\s*prometheus/.test(datasources)
        && /isDefault:\s*true/.test(datasources));

let passed = 0;
let failed = 0;
for (const { name, ok, detail } of results) {
    console.log(`${ok ? 'PASS' : 'FAIL'}: ${name}${detail ? ` [${detail}]` : ''}`);
    ok ? passed++ : failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
