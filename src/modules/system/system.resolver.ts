import { Query, Resolver } from 'type-graphql';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../paths';

const version: string = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version;

@Resolver()
export class SystemResolver {
  @Query(() => String, { description: 'The version of the Archipel API serving this request.' })
  version(): string {
    return version;
  }
}
