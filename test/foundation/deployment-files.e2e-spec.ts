import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_ARGUMENTS } from '../../scripts/api-node-arguments';

const ROOT = join(__dirname, '..', '..');
const API_COMMAND = ['node', ...API_NODE_ARGUMENTS, 'dist/apps/api/src/main.js'];

/** The image starts the api as `npm start` and the benchmarks do: the flags measured are the flags shipped. */
describe('The deployment files', () => {
  it("start the api with the api's Node flags in the Dockerfile", () => {
    const command = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').match(/^CMD (\[.*\])$/m)?.[1];
    expect(command && JSON.parse(command)).toEqual(API_COMMAND);
  });

  it("start the api with the api's Node flags in docker-compose.yml", () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const api = compose.slice(compose.indexOf('\n  api:\n'), compose.indexOf('\n  worker:\n'));
    const command = api.match(/^ {4}command: (\[.*\])$/m)?.[1];
    expect(command && JSON.parse(command.replaceAll("'", '"'))).toEqual(API_COMMAND);
  });
});
