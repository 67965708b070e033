// Tests for stage 2: states, agents, named bodies, officials, capitals as governments and coreference, on the seed article and short texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { MODEL_DIR, readTableFrom } from './model/load.js';
import { buildActorModel } from './model/actors.js';
import { analyseText } from './01-text.js';
import { findActors } from './02-actors.js';
import type { ActorEntity, Mention } from './types.js';

// only this stage's tables, so that the tests do not depend on the other stages' data
const model = { lm: { nlp: winkNLP(winkModel) }, actors: buildActorModel(readTableFrom(MODEL_DIR), []) };

function actorsOf(text: string): { actors: ActorEntity[]; mentions: Mention[]; text: string } {
  const doc = analyseText(text, '2024-06-20', model.lm);
  const out = findActors(doc, model.actors);
  // every mention's token range must cover exactly its character span
  for (const m of out.mentions) {
    assert.equal(doc.tokens[m.firstToken].start, m.start, `start of ${text.slice(m.start, m.end)}`);
    assert.equal(doc.tokens[m.endToken - 1].end, m.end, `end of ${text.slice(m.start, m.end)}`);
  }
  for (let k = 1; k < out.mentions.length; k++) assert.ok(out.mentions[k - 1].start <= out.mentions[k].start, 'mentions sorted by start');
  return { ...out, text };
}

const tuple = (a: ActorEntity) => `${a.code}/${a.sector ?? ''}`;
const find = (actors: ActorEntity[], code: string, sector?: string) => actors.find((a) => a.code === code && a.sector === sector);
const surfaces = (a: ActorEntity, text: string) => a.mentions.map((m) => text.slice(m.start, m.end));

test('the seed article yields its actors, one per code and sector', () => {
  const text = fs.readFileSync(path.resolve(process.env.WATCHFLOOR_SHARED ?? '../shared', 'seed', '000_360a8df881062be0.txt'), 'utf8');
  const { actors } = actorsOf(text);
  const nis = find(actors, 'KOR', 'SPY');
  assert.ok(nis, 'the NIS');
  assert.equal(nis.org, 'NIS');
  assert.ok(nis.mentions.length >= 2);
  assert.ok(surfaces(nis, text).includes('NIS'));
  assert.ok(surfaces(nis, text).some((s) => s.includes('National Intelligence Service')));
  const soldiers = find(actors, 'PRK', 'MIL');
  assert.ok(soldiers && surfaces(soldiers, text).includes('North Korean soldiers'), 'adjective and agent noun are one mention');
  assert.ok(find(actors, 'KOR', 'LEG') && surfaces(find(actors, 'KOR', 'LEG')!, text).includes('South Korean lawmakers'));
  for (const code of ['PRK', 'RUS', 'UKR', 'USA', 'KOR']) assert.ok(find(actors, code, undefined), `bare state ${code}`);
  assert.ok(actors.some((a) => a.code === 'IGO' && a.org === 'UNSC'));
  assert.equal(new Set(actors.filter((a) => a.kind !== 'person').map(tuple)).size, actors.filter((a) => a.kind !== 'person').length, 'no duplicate actors');
});

test('officials take their country and sector from the office before their name', () => {
  const { actors, text } = actorsOf('NIS Director Ji Jae-ryeol briefed lawmakers. U.S. Secretary of State Antony Blinken met Russian President Vladimir Putin on Friday.');
  const ji = actors.find((a) => a.kind === 'person' && a.name === 'Ji Jae-ryeol');
  assert.deepEqual([ji?.code, ji?.sector, ji?.title], ['KOR', 'SPY', 'Director']);
  assert.equal(surfaces(ji!, text)[0], 'NIS Director Ji Jae-ryeol');
  const blinken = actors.find((a) => a.name === 'Antony Blinken');
  assert.deepEqual([blinken?.code, blinken?.sector, blinken?.kind], ['USA', 'GOV', 'person']);
  const putin = actors.find((a) => a.name === 'Vladimir Putin');
  assert.deepEqual([putin?.code, putin?.sector], ['RUS', 'GOV']);
  assert.equal(find(actors, 'KOR', 'LEG')?.kind, 'group', 'the lawmakers belong to the country of the briefing');
});

test('an official without a country takes it from the article, and later surnames refer back', () => {
  const { actors, text } = actorsOf('South Korea raised its alert level on Monday. Defence Minister Kim Yong-hyun said the military was ready. Kim spoke after a meeting.');
  const kim = actors.find((a) => a.name === 'Kim Yong-hyun');
  assert.deepEqual([kim?.code, kim?.sector], ['KOR', 'GOV']);
  assert.deepEqual(surfaces(kim!, text), ['Defence Minister Kim Yong-hyun', 'Kim']);
});

test('capitals and seats stand for their government, but not after "in" or "to"', () => {
  const { actors } = actorsOf('Seoul said Pyongyang had fired missiles. The Kremlin denied it, and the White House and Brussels condemned the launch. In Rome, ministers met before a visit to Moscow.');
  assert.ok(find(actors, 'KOR'));
  assert.ok(find(actors, 'PRK'));
  assert.ok(find(actors, 'RUS', 'GOV'), 'the Kremlin');
  assert.ok(find(actors, 'USA', 'GOV'), 'the White House');
  assert.ok(actors.some((a) => a.code === 'IGO' && a.org === 'EU'), 'Brussels for the EU');
  assert.ok(!actors.some((a) => a.code === 'ITA'), 'Rome is only where it happened');
  assert.ok(!find(actors, 'RUS', undefined), 'a visit to Moscow is a place');
});

test('"the agency", "it" and "the two countries" refer back to actors named before', () => {
  const { actors, mentions, text } = actorsOf("South Korea's National Intelligence Service (NIS) said on Monday that troops had moved. The agency said it expected more. Russia and North Korea signed a pact, and the two countries held talks.");
  const nis = find(actors, 'KOR', 'SPY')!;
  const agency = nis.mentions.find((m) => text.slice(m.start, m.end) === 'The agency');
  assert.ok(agency?.anaphor, '"The agency" is an anaphor of the NIS');
  assert.ok(nis.mentions.some((m) => text.slice(m.start, m.end) === 'it' && m.anaphor));
  const pair = mentions.filter((m) => text.slice(m.start, m.end) === 'the two countries');
  assert.deepEqual(pair.map((m) => actors.find((a) => a.id === m.actor)?.code).sort(), ['PRK', 'RUS']);
});

test('a noun describing a body named earlier makes the people after it that body\'s ("alliance officials")', () => {
  const { actors, text } = actorsOf("NATO held talks with Poland on Wednesday. Russia denied the claims. Alliance officials said new steps were very likely.");
  const nato = actors.find((a) => a.org === 'NATO')!;
  assert.ok(surfaces(nato, text).includes('Alliance officials'), `NATO mentions: ${surfaces(nato, text).join(', ')}`);
  assert.equal(find(actors, 'RUS', 'GOV'), undefined, 'the officials are not Russia\'s');
});

test('non-state groups take the country they are based in', () => {
  const { actors } = actorsOf('The Houthis fired at ships while Hamas and Hezbollah watched; Wagner fighters and the RSF were also blamed, as was M23.');
  for (const [code, sector] of [['YEM', 'REB'], ['PSE', 'REB'], ['LBN', 'REB'], ['RUS', 'MIL'], ['SDN', 'REB'], ['COD', 'REB']]) {
    assert.ok(find(actors, code, sector), `${code}/${sector}`);
  }
});

test('an agent noun inside a compound or after a generic adjective is not an actor', () => {
  const { actors } = actorsOf('The troop deployment would raise concerns for global leaders about military cooperation.');
  assert.deepEqual(actors.map(tuple), []);
});

test('the words of a user dictionary are found in the text', () => {
  const extra = buildActorModel(readTableFrom(MODEL_DIR), [{ phrase: 'Blue Dragon Brigade', code: 'PHL', sector: 'REB', kind: 'organization' }]);
  const doc = analyseText('The Blue Dragon Brigade attacked a post.', '2024-06-20', model.lm);
  const { actors } = findActors(doc, extra);
  assert.deepEqual(actors.map(tuple), ['PHL/REB']);
});

test('"the North" stands for North Korea only once a Korea is named, and not inside a longer name', () => {
  assert.deepEqual(actorsOf('The North said nothing.').actors.map(tuple), []);
  const { actors, text } = actorsOf('South Korea protested. The North Korean military said the North would respond.');
  assert.deepEqual(surfaces(find(actors, 'PRK', 'MIL')!, text), ['North Korean military']);
  assert.deepEqual(surfaces(find(actors, 'PRK', undefined)!, text), ['the North']);
});

test('ships take the flag state when the text gives one, else no country', () => {
  const { actors } = actorsOf('Police boarded the Malta-flagged Vezhen, and an oil tanker was seized.');
  assert.ok(actors.some((a) => a.code === 'MLT' && a.sector === 'BUS' && a.name === 'Vezhen'));
  assert.ok(find(actors, '---', 'BUS'), 'a tanker without a country');
});

test('a state\'s own body with an IGO\'s name is the state\'s, and coordinated adjectives share their noun', () => {
  const { actors } = actorsOf("Russia's Security Council met as U.S. and Russian negotiators arrived.");
  assert.ok(find(actors, 'RUS', 'GOV'));
  assert.ok(!actors.some((a) => a.code === 'IGO'), 'not the UN Security Council');
  assert.ok(find(actors, 'USA', 'GOV'), 'U.S. negotiators');
});

test('military craft stand for the forces of their state, but not as instruments', () => {
  const { actors, mentions, text } = actorsOf('Polish MiG-29s were scrambled. The troops were trained to fight with drones.');
  const polish = find(actors, 'POL', 'MIL')!;
  assert.deepEqual(surfaces(polish, text), ['Polish MiG-29s', 'The troops'], '"the troops" are the latest forces named');
  assert.ok(!mentions.some((m) => text.slice(m.start, m.end) === 'drones'), '"with drones" is not an actor');
});

test('officials listed after a group of the same office share its country', () => {
  const { actors } = actorsOf('Blinken hosted their South Korean counterparts, Foreign Minister Cho Tae-yul and Defense Minister Kim Yong-hyun, in Washington.');
  for (const name of ['Cho Tae-yul', 'Kim Yong-hyun']) assert.equal(actors.find((a) => a.name === name)?.code, 'KOR', name);
});

test('the state adjective wins over the context for a craft named by its type ("Latvian Su-27 fighter jets")', () => {
  const { actors, text } = actorsOf('Lithuania said two Latvian Su-27 fighter jets crossed its border on Monday.');
  const jets = find(actors, 'LVA', 'MIL');
  assert.ok(jets, actors.map(tuple).join(' '));
  assert.deepEqual(surfaces(jets, text), ['Latvian Su-27 fighter jets']);
  assert.ok(!find(actors, 'LTU', 'MIL'));
});

test('a state adjective before an act or a holding names an actor; before a place or thing it does not', () => {
  const { actors } = actorsOf('A Turkish offensive began on Sunday. Greece banned Italian goods. Officials visited Spanish cities.');
  assert.ok(find(actors, 'TUR', undefined), 'a Turkish offensive');
  assert.ok(find(actors, 'ITA', undefined), 'Italian goods');
  assert.ok(!find(actors, 'ESP', undefined), 'Spanish cities is a place');
});

test('"<State>-led", "-occupied" and "<agent>-held" make the state or the agent the actor', () => {
  const { actors } = actorsOf('The Kenyan-led mission arrived. Government troops shelled Chadian rebel-held towns.');
  assert.ok(find(actors, 'KEN', undefined), 'Kenyan-led');
  assert.ok(find(actors, 'TCD', 'REB'), 'rebel-held');
});

test('people of a civilian trade in a military compound serve in the forces', () => {
  const { actors } = actorsOf('Egypt will send 300 military construction workers and some army doctors to Sudan.');
  assert.deepEqual(actors.filter((a) => a.sector).map(tuple), ['EGY/MIL']);
});

test('a verb tagged as a noun after a plural subject does not hide the subject ("troops lack")', () => {
  const { actors } = actorsOf('The Ethiopian troops lack fuel and ammunition.');
  assert.ok(find(actors, 'ETH', 'MIL'), actors.map(tuple).join(' '));
});

test('"he" at the start of a sentence refers to the subject of the last sentence that names a person', () => {
  const { actors, text } = actorsOf('Recep Tayyip Erdogan offered on Monday to send envoys to Hamid Karzai. He said Turkey wanted talks.');
  const erdogan = find(actors, 'TUR', 'GOV');
  assert.ok(erdogan);
  assert.ok(surfaces(erdogan, text).includes('He'), `He went to ${actors.find((a) => surfaces(a, text).includes('He'))?.name}`);
});

test('"the ministry" after a minister is that minister\'s government, not an earlier ministry of another state', () => {
  const { actors, text } = actorsOf(
    'Peru\'s defence ministry said the border was calm. Chilean Foreign Minister Alberto van Klaveren spoke later. The ministry said talks would resume.',
  );
  const ministry = actors.find((a) => surfaces(a, text).includes('The ministry'));
  assert.equal(ministry && tuple(ministry), 'CHL/GOV');
});

test('a title of a state\'s body belongs to the body, not to an IGO of the same name', () => {
  const { actors } = actorsOf('Ali Akbar Ahmadian, secretary of Iran\'s Supreme National Security Council, met Putin.');
  assert.ok(!actors.some((a) => a.code === 'IGO'), actors.map(tuple).join(' '));
  assert.ok(find(actors, 'IRN', 'GOV'));
});

test('"the ministers of A and B" are both states\' officials; numbers may stand between a state and its noun', () => {
  const { actors } = actorsOf('The interior ministers of Spain and Portugal met. Brazil fined Argentina\'s three biggest banks.');
  assert.ok(find(actors, 'ESP', 'GOV') && find(actors, 'PRT', 'GOV'), actors.map(tuple).join(' '));
  assert.ok(find(actors, 'ARG', 'BUS'));
});

test('a named province as a subject is its state\'s government; after a preposition it is a place', () => {
  const subject = actorsOf('The Interior Ministry of Thailand spoke, and Songkhla province, which borders Malaysia, has said it will close schools.');
  assert.ok(subject.actors.some((a) => a.code === 'THA' && a.sector === 'GOV' && surfaces(a, subject.text).includes('Songkhla province')));
  const place = actorsOf('Thailand said gunmen attacked a school in Songkhla province on Monday.');
  assert.ok(!find(place.actors, 'THA', 'GOV'));
});

test('historic heads of state are known by title and name', () => {
  const { actors } = actorsOf('President Mubarak met King Hussein in Aqaba.');
  assert.ok(find(actors, 'EGY', 'GOV'), actors.map(tuple).join(' '));
});

test('short names of states that the generated table lacks are known ("Turkey", "Bosnia")', () => {
  const { actors } = actorsOf('Turkey and Bosnia signed a trade deal.');
  assert.deepEqual(actors.map(tuple), ['TUR/', 'BIH/']);
});

test('an intelligence agency that reports on troops does not give them its country', () => {
  const { actors } = actorsOf('Belarusian soldiers held drills on Monday. Poland\'s intelligence agency said troops were massing near the border.');
  assert.ok(find(actors, 'BLR', 'MIL'));
  assert.ok(!find(actors, 'POL', 'MIL'), actors.map(tuple).join(' '));
});

test('"it" and "they" prefer the subject of their sentence over a later object; a people named by its demonym is plural', () => {
  const it = actorsOf('Lithuania told Latvia on Monday that it would close the border.');
  assert.ok(surfaces(find(it.actors, 'LTU', undefined)!, it.text).includes('it'));
  const they = actorsOf('Kenya has not seen the Somalis attacking Ethiopian troops, but if they crossed the border, they would be stopped.');
  const somalis = find(they.actors, 'SOM', undefined);
  assert.deepEqual(somalis && surfaces(somalis, they.text), ['Somalis', 'they', 'they']);
});

test('a place aimed at by an act stands for its state ("strikes on Georgian villages")', () => {
  const { actors } = actorsOf('Armenia stepped up artillery strikes on Azerbaijani villages. Tourists visited Georgian villages.');
  assert.ok(find(actors, 'AZE', undefined), actors.map(tuple).join(' '));
  assert.ok(!find(actors, 'GEO', undefined));
});

test('a state\'s own security council is not the UN\'s, and its spokesman is that state\'s', () => {
  const { actors } = actorsOf('National Security Council spokesman Sean Savett said Russian forces fired the missiles.');
  assert.ok(!actors.some((a) => a.code === 'IGO' || a.code === 'RUS' && a.sector === 'GOV'), actors.map(tuple).join(' '));
  assert.ok(find(actors, 'USA', 'GOV'));
});

test('bare government nouns speak for the subject of their sentence ("..., state media said")', () => {
  const { actors, text } = actorsOf('Cuban leader Miguel Diaz-Canel told the Venezuelan envoy that Havana backed Caracas in its dispute with Guyana, state media said.');
  const media = actors.find((a) => surfaces(a, text).includes('state media'));
  assert.equal(media && media.code, 'CUB');
});

test('"it" before a predicate with "to" acts ("it was ready to"); before one with "that" it refers to nothing', () => {
  const ready = actorsOf('Russia said it was not ready to hold talks with Poland.');
  assert.deepEqual(surfaces(find(ready.actors, 'RUS')!, ready.text), ['Russia', 'it']);
  const likely = actorsOf('Russia said it was likely that Poland would protest.');
  assert.deepEqual(surfaces(find(likely.actors, 'RUS')!, likely.text), ['Russia']);
});

test('a subject with an adverb before its verb is still the subject "it" refers to', () => {
  const { actors, text } = actorsOf('Chad also signed a deal with Mali on Monday, and it has not sent troops since May.');
  assert.deepEqual(surfaces(find(actors, 'TCD')!, text), ['Chad', 'it']);
});

test('officials in a capital are its government; troops in a country are not its own', () => {
  const officials = actorsOf('Officials in Nairobi said the talks would resume.');
  assert.deepEqual(officials.actors.map(tuple), ['KEN/GOV']);
  const troops = actorsOf('Kenyan troops in Somalia said the talks would resume.');
  assert.deepEqual(troops.actors.map(tuple), ['KEN/MIL', 'SOM/']);
});

test('an intergovernmental body between a possessive and a noun is its own actor ("its EU partners"), but the state keeps its envoy', () => {
  const partners = actorsOf('Latvia asked its NATO allies for help after the cable was cut.');
  assert.deepEqual(partners.actors.map(tuple), ['LVA/', 'IGO/']);
  const envoy = actorsOf("France's UN envoy criticised the vote.");
  assert.deepEqual(envoy.actors.map(tuple), ['FRA/GOV']);
});

test('the noun of a fixed phrase is no actor ("entered into force")', () => {
  const { actors } = actorsOf('The accord between Chile and Peru entered into force on Monday.');
  assert.deepEqual(actors.map(tuple), ['CHL/', 'PER/']);
});

test('a spokesperson speaks for the body named before or after them, not for the article\'s main state', () => {
  const before = actorsOf('Mali accused Algeria of arming rebels. The Elysee said it was worried. Spokeswoman Anne Dupont said Paris would act.');
  assert.equal(before.actors.find((a) => a.name === 'Anne Dupont')?.code, 'FRA');
  const after = actorsOf('Mali accused Algeria of arming rebels. A spokesperson for the State Department called for calm.');
  assert.ok(!after.actors.some((a) => a.code === 'MLI' && a.sector === 'GOV' || a.code === 'DZA' && a.sector === 'GOV'), after.actors.map(tuple).join(' '));
  assert.ok(find(after.actors, 'USA', 'GOV'));
});

test('"the two" and "both leaders" refer to the two people just named; "the two" before a noun refers to nobody', () => {
  const { actors, mentions, text } = actorsOf('French President Emmanuel Macron thanked Indian Prime Minister Narendra Modi for the jets when the two met in Delhi. The two ships docked.');
  const two = text.indexOf('the two');
  const referents = mentions.filter((m) => m.start === two).map((m) => actors.find((a) => a.id === m.actor)?.code);
  assert.deepEqual(referents, ['FRA', 'IND']);
  assert.ok(!mentions.some((m) => text.slice(m.start, m.end) === 'The two'));
});

test('"it" may refer to a singular mention of an actor first named in the plural ("the troops" ... "the army said it")', () => {
  const { actors, text } = actorsOf('Nairobi said Kenyan troops had massed near the border. The Kenyan army said it had warned Somalia.');
  assert.deepEqual(surfaces(find(actors, 'KEN', 'MIL')!, text), ['Kenyan troops', 'Kenyan army', 'it']);
});

test('armed groups are known by their lower-case "al-" names and PETRARCH synonyms; a common word is no group', () => {
  const { actors } = actorsOf('Kenyan police said al-Qaida and al-Shabab fighters had crossed the border, while Youth groups protested in Nairobi.');
  assert.deepEqual(actors.map(tuple).sort(), ['---/REB', 'KEN/COP', 'SOM/REB']);
});

test('a capitalised noun after "the" opens a name, not a description of a body named before', () => {
  const { actors } = actorsOf('Hezbollah fired rockets at Israel. Leaders of the Group of Seven condemned the attack.');
  assert.ok(find(actors, 'IGO'), actors.map(tuple).join(' '));
});

test('people "of" a named body belong to it ("ministers of the African Union")', () => {
  const { actors } = actorsOf('Sudan rejected the plan. Ministers of the African Union met in Addis Ababa on Monday.');
  assert.deepEqual(actors.map(tuple).sort(), ['IGO/', 'SDN/']);
});

test('an official named before any state serves the state named nearest them in their sentence, or the capital they are in', () => {
  const later = actorsOf('Former president Ama Kofi was charged with fraud on Monday by Ghanaian prosecutors.');
  assert.equal(later.actors.find((a) => a.name === 'Ama Kofi')?.code, 'GHA');
  const place = actorsOf('A radio station in Nairobi said General Peter Otieno had resigned.');
  assert.equal(place.actors.find((a) => a.name === 'Peter Otieno')?.code, 'KEN');
});

test('a state\'s name before a currency sign names the currency, not the state', () => {
  const { actors } = actorsOf('Kenyan officials said the loan of US $40 million would be repaid.');
  assert.deepEqual(actors.map(tuple), ['KEN/GOV']);
});

test('an unnamed official listed after another takes that one\'s country, not the sentence subject\'s', () => {
  const { actors, text } = actorsOf('Sudan shelled Chad on Monday, killing the commander of the Chadian army and the chief of staff of the air force.');
  const chief = actors.find((a) => surfaces(a, text).some((s) => s.includes('chief of staff')));
  assert.equal(chief?.code, 'TCD');
});
