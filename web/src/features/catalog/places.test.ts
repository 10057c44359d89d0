import { describe, expect, it } from 'vitest';
import { findPlaces } from './places';

const PLACES = [
  { name: 'Inbox' },
  { name: 'Settings' },
  { name: 'Members', detail: 'Who is in the workspace, and their roles' },
  { name: 'API tokens', detail: 'Access for scripts and integrations' },
  { name: 'Audit log', detail: 'Who changed what, and when' },
  { name: 'General', detail: 'The workspace’s name, and another workspace' },
  { name: 'Top-up tickets', detail: '“top up”' },
];

const found = (query: string) => {
  const { leading, others } = findPlaces(PLACES, query);
  return [...leading, ...others].map((place) => place.name);
};

describe('findPlaces', () => {
  it('finds the places the page holds by their names and second lines, every word matching', () => {
    expect(found('members')).toEqual(['Members']);
    expect(found('tokens')).toEqual(['API tokens']);
    expect(found('audit log')).toEqual(['Audit log']);
    expect(found('Top-up tickets')).toEqual(['Top-up tickets']);
    expect(found('top tickets cash')).toEqual([]);
    expect(found('workspace name')).toEqual(['General']);
    expect(found('  ')).toEqual([]);
  });

  it('finds a word by its start and despite the typos the catalog forgives, none in a word of three letters', () => {
    expect(found('sett')).toEqual(['Settings']);
    expect(found('membrs')).toEqual(['Members']);
    expect(found('setitngs')).toEqual(['Settings']);
    expect(found('inbx')).toEqual(['Inbox']);
    expect(found('lag')).toEqual([]);
  });

  it('ranks a word of the name above one of the second line, and a word said twice above one said once', () => {
    const places = [{ name: 'Roles', detail: 'Who holds the API tokens' }, { name: 'API tokens' }];
    expect(findPlaces(places, 'tokens').others.map((place) => place.name)).toEqual(['API tokens', 'Roles']);
    expect(found('workspace')).toEqual(['General', 'Members']);
  });

  it('leads with the places whose name begins with what was typed', () => {
    expect(findPlaces(PLACES, 'audit l')).toEqual({ leading: [PLACES[4]], others: [] });
    expect(findPlaces(PLACES, 'top-up')).toEqual({ leading: [PLACES[6]], others: [] });
    // A word further in the name, or in the second line, finds the place without leading.
    expect(findPlaces(PLACES, 'tokens')).toEqual({ leading: [], others: [PLACES[3]] });
    expect(findPlaces(PLACES, 'workspace')).toEqual({ leading: [], others: [PLACES[5], PLACES[2]] });
    // A typo finds it, but is not the name begun.
    expect(findPlaces(PLACES, 'inbx')).toEqual({ leading: [], others: [PLACES[0]] });
  });
});
