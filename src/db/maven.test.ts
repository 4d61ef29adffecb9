import path from 'node:path';
import { bootstrapPom, BOOTSTRAP_MAVEN_VERSION, collectsInParallel, localRepository, parseMavenVersion } from './maven';

describe('parseMavenVersion', () => {
  it('reads the version from a coloured first line', () => {
    expect(parseMavenVersion('\u001b[1mApache Maven 3.8.7\u001b[m\nMaven home: /usr/share/maven')).toEqual([3, 8, 7]);
  });

  it('reads the version with a build suffix', () => {
    expect(parseMavenVersion('Apache Maven 3.9.12 (abc; 2025-11-01)')).toEqual([3, 9, 12]);
  });

  it('gives undefined for something else', () => {
    expect(parseMavenVersion('bash: mvn: command not found')).toBeUndefined();
  });
});

describe('collectsInParallel', () => {
  it.each([
    [[3, 8, 7], false],
    [[3, 6, 3], false],
    [[3, 9, 0], true],
    [[3, 9, 12], true],
    [[4, 0, 0], true],
  ] as const)('Maven %j → %s', (version, expected) => {
    expect(collectsInParallel([...version])).toBe(expected);
  });

  it('is false for an unknown version', () => {
    expect(collectsInParallel(undefined)).toBe(false);
  });
});

describe('localRepository', () => {
  const home = '/home/ada';

  it('defaults to ~/.m2/repository', () => {
    expect(localRepository(home, '')).toBe(path.join(home, '.m2', 'repository'));
  });

  it('takes <localRepository> from settings.xml, expanding ${user.home}', () => {
    const xml = '<settings><localRepository>${user.home}/maven-repo</localRepository></settings>';
    expect(localRepository(home, xml)).toBe('/home/ada/maven-repo');
  });

  it('ignores a commented-out <localRepository>', () => {
    const xml = '<settings><!-- <localRepository>/opt/m2</localRepository> --></settings>';
    expect(localRepository(home, xml)).toBe(path.join(home, '.m2', 'repository'));
  });
});

describe('bootstrapPom', () => {
  it('asks for the pinned Apache Maven distribution, without its dependencies', () => {
    const pom = bootstrapPom(BOOTSTRAP_MAVEN_VERSION);
    expect(pom).toContain(`<artifactId>apache-maven</artifactId>\n            <version>${BOOTSTRAP_MAVEN_VERSION}</version>`);
    expect(pom).toContain('<classifier>bin</classifier>');
    expect(pom).toContain('<type>tar.gz</type>');
    expect(pom).toContain('<exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>');
  });
});
