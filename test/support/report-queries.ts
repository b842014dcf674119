/**
 * The three report root fields with every figure selected, built from the committed SDL
 * (so a figure added later is compared too): for tests that compare whole reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { PROJECT_ROOT } from '../../src/paths';

const schema = buildSchema(readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8'));

/** Every field of the type, objects expanded (one level of nesting is all the reports have). */
function selection(type: GraphQLObjectType, depth = 0): string {
  const fields = Object.values(type.getFields()).map((f) => {
    const named = getNamedType(f.type);
    if (!isObjectType(named)) return f.name;
    return depth < 2 ? `${f.name} { ${selection(named, depth + 1)} }` : '';
  });
  return fields.filter(Boolean).join(' ');
}

const of = (name: string) => selection(schema.getType(name) as GraphQLObjectType);

export const REPORTS_QUERY = `query Reports($period: String!, $agency: String) {
  dossierReport(period: $period, groupBy: AGENCY) { ${of('DossierReport')} }
  rolledUp: dossierReport(period: $period, groupBy: AGENCY, rollUp: true) { ${of('DossierReport')} }
  national: dossierReport(period: $period, groupBy: PROCEDURE, rule: NATIONAL) { ${of('DossierReport')} }
  feedbackReport(period: $period, groupBy: AGENCY) { ${of('FeedbackReport')} }
  serviceIndex(period: $period, agency: $agency) { ${of('ServiceIndex')} }
}`;
