// Tests for stage 3: triggers, frames, compound actors and anaphoric event nouns, on sentences with hand-made actor mentions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { analyseText } from './01-text.js';
import { findEvents } from './03-events.js';
import { buildEventModel } from './model/events.js';
import { readTableFrom, MODEL_DIR } from './model/load.js';
import { detailModel } from './details/test-model.js';
import type { ActorEntity, Mention, PipelineState } from './types.js';

const lm = { nlp: winkNLP(winkModel) };
const model = buildEventModel(readTableFrom(MODEL_DIR));

/**
 * A pipeline state whose actors are the given phrases: { "North Korea": "PRK" } makes every occurrence of
 * "North Korea" a mention of one actor coded PRK; a phrase ending in "*" is an anaphor ("it*").
 */
function stateWith(text: string, actors: Record<string, string>): PipelineState {
  const analysed = analyseText(text, '2024-06-20', lm);
  const entities: ActorEntity[] = [];
  const mentions: Mention[] = [];
  for (const [raw, code] of Object.entries(actors)) {
    const anaphor = raw.endsWith('*');
    const phrase = anaphor ? raw.slice(0, -1) : raw;
    const id = `a${entities.length + 1}`;
    const entity: ActorEntity = { id, text: phrase, kind: 'state', code, mentions: [] };
    const re = new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
    for (const m of text.matchAll(re)) {
      const start = m.index!, end = start + phrase.length;
      const toks = analysed.tokens.filter((t) => t.start >= start && t.end <= end);
      if (!toks.length) continue;
      const mention: Mention = { actor: id, start, end, firstToken: toks[0].i, endToken: toks[toks.length - 1].i + 1, sentence: toks[0].sentence };
      if (anaphor) mention.anaphor = true;
      entity.mentions.push(mention);
      mentions.push(mention);
    }
    entities.push(entity);
  }
  mentions.sort((a, b) => a.start - b.start);
  return { ...analysed, actors: entities, mentions, events: [] };
}

/** The events of a text as "TYPE SRC+SRC->TGT" strings, coded by the actors' codes; `withPlaces` passes the gazetteer. */
function eventsOf(text: string, actors: Record<string, string>, withPlaces = false): string[] {
  const state = stateWith(text, actors);
  const code = (id: string) => state.actors.find((a) => a.id === id)!.code;
  return findEvents(state, model, withPlaces ? detailModel().places : undefined).map((e) => `${e.type} ${e.source.map(code).join('+')}->${e.target.map(code).join('+')}`);
}

test('an active verb takes its subject as source and a "to" phrase as target; troops sent to a state are AID', () => {
  assert.deepEqual(eventsOf('North Korea has sent about 3,000 soldiers to Russia this month.', { 'North Korea': 'PRK', Russia: 'RUS' }), ['AID PRK->RUS']);
});

test('a second verb shares the subject (and an unnamed target) of the first, through "and plans to"', () => {
  const got = eventsOf('North Korea has sent about 3,000 soldiers to Russia this month and plans to dispatch a total of 10,000 by December.', { 'North Korea': 'PRK', Russia: 'RUS' });
  assert.deepEqual(got, ['AID PRK->RUS', 'AID PRK->RUS']);
  assert.deepEqual(eventsOf('Pyongyang is believed to be preparing to dispatch about 6,000 more soldiers.', { Pyongyang: 'PRK' }), ['MOBILIZE PRK->']);
});

test('a deployment with a purpose clause is one event towards the one it supports', () => {
  const got = eventsOf('The NIS warned that North Korea may deploy troops to support Russia in the conflict in Ukraine.', { NIS: 'KOR', 'North Korea': 'PRK', Russia: 'RUS', Ukraine: 'UKR' });
  assert.deepEqual(got, ['AID PRK->RUS']);
});

test('compound subjects give one event with several sources; a condemnation of an earlier act targets its source', () => {
  const text = 'There are reports of North Korea supplying Russia with arms. The United States and South Korea have condemned these shipments.';
  const got = eventsOf(text, { 'North Korea': 'PRK', Russia: 'RUS', 'The United States': 'USA', 'South Korea': 'KOR' });
  assert.deepEqual(got, ['AID PRK->RUS', 'ACCUSE USA+KOR->PRK']);
});

test('a passive takes its source from the "by" phrase and its target from the subject', () => {
  const got = eventsOf('Two North Korean soldiers had been captured by Ukrainian paratroopers in Kursk.', { 'North Korean soldiers': 'PRK', 'Ukrainian paratroopers': 'UKR' });
  assert.deepEqual(got, ['COERCE UKR->PRK']);
});

test('sanctions on a target, through a light verb', () => {
  assert.deepEqual(eventsOf('Seoul on Friday imposed sanctions on 11 North Korean individuals.', { Seoul: 'KOR', 'North Korean': 'PRK' }), ['SANCTION KOR->PRK']);
  assert.deepEqual(eventsOf('The European Union adopted its 16th package of sanctions against Russia on Monday.', { 'The European Union': 'IGO', Russia: 'RUS' }), ['SANCTION IGO->RUS']);
});

test('nominal triggers take a possessor or an adjective as source and an "of" or "on" phrase as target', () => {
  assert.deepEqual(eventsOf("It was the anniversary of Moscow's invasion of Ukraine.", { Moscow: 'RUS', Ukraine: 'UKR' }), ['ASSAULT RUS->UKR']);
  assert.deepEqual(eventsOf('Drones came during a Russian attack on Ukraine.', { Russian: 'RUS', Ukraine: 'UKR' }), ['ASSAULT RUS->UKR']);
});

test('an anaphoric event noun inherits the actors of the earlier event of its family; without one it is no event', () => {
  const text = 'North Korea may deploy troops to support Russia. The deployment is expected to involve several thousand soldiers.';
  assert.deepEqual(eventsOf(text, { 'North Korea': 'PRK', Russia: 'RUS' }), ['AID PRK->RUS', 'AID PRK->RUS']);
  assert.deepEqual(eventsOf('The deployment is expected to involve several thousand soldiers.', {}), []);
});

test('reporting verbs are not events, but what they report is', () => {
  assert.deepEqual(eventsOf('Seoul said Pyongyang has shipped Russia millions of artillery shells.', { Seoul: 'KOR', Pyongyang: 'PRK', Russia: 'RUS' }), ['AID PRK->RUS']);
});

test('a request absorbs what it asks for; a commissive defers to the act it commits to', () => {
  assert.deepEqual(eventsOf('Poland asked NATO allies for consultations.', { Poland: 'POL', 'NATO allies': 'IGO' }), ['REQUEST POL->IGO']);
  assert.deepEqual(eventsOf('EU governments agreed to blacklist 50 tankers.', { 'EU governments': 'IGO' }), ['SANCTION IGO->']);
});

test('a relative pronoun takes its antecedent as subject; a shoot-down is an assault', () => {
  assert.deepEqual(eventsOf('Poland shot down drones that crossed into Polish airspace.', { Poland: 'POL', Polish: 'POL' }), ['ASSAULT POL->', 'MOBILIZE ->POL'].slice(0, 1));
  assert.deepEqual(eventsOf('Officials met Ji Jae-ryeol, who visited Moscow.', { 'Ji Jae-ryeol': 'KOR', Moscow: 'RUS' }), ['CONSULT KOR->RUS']);
});

test('a trigger inside an actor name is no event, and a send without troops, arms or aid is none', () => {
  assert.deepEqual(eventsOf('The Multilateral Sanctions Monitoring Team met.', { 'The Multilateral Sanctions Monitoring Team': 'IGO' }), ['CONSULT IGO->']);
  assert.deepEqual(eventsOf('Seoul sent a letter to Tokyo.', { Seoul: 'KOR', Tokyo: 'JPN' }), []);
});

test('every event carries a confidence below one and notes on why; an inherited one is less certain', () => {
  const state = stateWith('North Korea may deploy troops to support Russia. The deployment is expected soon.', { 'North Korea': 'PRK', Russia: 'RUS' });
  const [first, second] = findEvents(state, model);
  assert.ok(first.confidence < 1 && first.why?.some((w) => w.includes('triggers.tsv line')));
  assert.ok(first.confidence > second.confidence, 'an inherited event is less certain');
  assert.ok(second.why?.some((w) => w.includes('refers back')));
});

test('a definite event noun does not take an antecedent that moved something else', () => {
  const text = 'Seoul might consider supplying weapons to Ukraine. Pyongyang has stopped short of confirming the deployment.';
  assert.deepEqual(eventsOf(text, { Seoul: 'KOR', Ukraine: 'UKR', Pyongyang: 'PRK' }), ['AID KOR->UKR']);
});

test('a material act without a named recipient continues the earlier act of its source', () => {
  const text = 'North Korea sent 3,000 soldiers to Russia in January. The agency said North Korea is likely to send more troops.';
  assert.deepEqual(eventsOf(text, { 'North Korea': 'PRK', Russia: 'RUS', 'The agency': 'KOR' }), ['AID PRK->RUS', 'AID PRK->RUS']);
});

test('an obligation in reported speech is a request of the one who reports it', () => {
  const text = 'Egyptian President Hosni Mubarak said here Wednesday that the US must be ready to mediate.';
  assert.deepEqual(eventsOf(text, { 'Egyptian President Hosni Mubarak': 'EGY', US: 'USA' })[0], 'REQUEST EGY->USA');
});

test('a penalty reported as what someone would face is a threat by the one who reports it', () => {
  const actors = { 'The Kremlin': 'RUS', Warsaw: 'POL' };
  assert.deepEqual(eventsOf('The Kremlin said Warsaw would face harsh retribution.', actors), ['THREATEN RUS->POL']);
  assert.deepEqual(eventsOf('The Kremlin said that Warsaw will face consequences.', actors), ['THREATEN RUS->POL']);
  // a plain forecast of what someone would do is no threat
  assert.deepEqual(eventsOf('The Kremlin said Warsaw would face a difficult winter.', actors), []);
});

test('a reply announced for a condition is a threat against the one whose act would set it off', () => {
  const actors = { Minsk: 'BLR', Lithuania: 'LTU' };
  const threats = (text: string) => eventsOf(text, actors).filter((e) => e.startsWith('THREATEN'));
  assert.deepEqual(threats('If Minsk moves tanks to the border, Lithuania would be forced to respond, the minister said.'), ['THREATEN LTU->BLR']);
  assert.deepEqual(threats("Lithuania's response will be swift if Minsk crosses the line."), ['THREATEN LTU->BLR']);
  // without a condition the reply is only a forecast; a condition no comma closes may hold the reply itself
  assert.deepEqual(threats('Lithuania would respond, the minister said.'), []);
  assert.deepEqual(threats('The minister said that if Minsk errs Lithuania will respond.'), []);
});

test('a reply announced for a condition without a named replier is the threat of the one who reports it', () => {
  const actors = { Minsk: 'BLR', 'The Lithuanian minister': 'LTU' };
  const threats = (text: string) => eventsOf(text, actors).filter((e) => e.startsWith('THREATEN'));
  assert.deepEqual(threats('The Lithuanian minister said that unless Minsk pulls back, the response will be firm.'), ['THREATEN LTU->BLR']);
  assert.deepEqual(threats('If Minsk sends troops, the response will be firm.'), []);
  assert.deepEqual(threats('The Lithuanian minister warned that attacks would follow if Minsk did not withdraw.'), ['THREATEN LTU->BLR']);
  assert.deepEqual(threats('The Lithuanian minister said the attacks would have been worse if Minsk had joined.'), []);
});

test('a demand takes the subject of its "that" clause as target; a threat the subject of its condition', () => {
  assert.deepEqual(eventsOf('Palestinian officials demanded Friday that the United States match the offer.', { 'Palestinian officials': 'PSE', 'the United States': 'USA' }), ['REQUEST PSE->USA']);
  assert.deepEqual(eventsOf('The villagers threatened today to hold a general strike unless Israel rescinded the annexation.', { 'The villagers': 'SYR', Israel: 'ISR' }), ['THREATEN SYR->ISR']);
});

test('the possessor of a detention is the one detained', () => {
  const text = 'Finland has seized an oil tanker. The Kremlin played down the tanker\'s detention.';
  assert.deepEqual(eventsOf(text, { Finland: 'FIN', 'oil tanker': '---', tanker: '---', 'The Kremlin': 'RUS' }), ['COERCE FIN->---', 'COERCE FIN->---']);
});

test('a stance passive ("is opposed to") keeps its subject as source; a noun of talks in a "for" phrase belongs to the verb', () => {
  assert.deepEqual(eventsOf('Israel is opposed to mediation by France.', { Israel: 'ISR', France: 'FRA' }).map((e) => e.split(' ')[0] + ' ' + e.split(' ')[1].split('->')[0]), ['REJECT ISR']);
  assert.deepEqual(eventsOf('The minister hosted his counterpart Cho for talks in Washington.', { 'The minister': 'USA', 'his counterpart Cho': 'KOR' }), ['CONSULT USA->KOR']);
});

test('a purpose clause after an event noun is part of that act and names its target', () => {
  const text = 'Up to 1,000 Turks began a hunger strike on Monday to protest against Sweden.';
  assert.deepEqual(eventsOf(text, { Turks: 'TUR', Sweden: 'SWE' }), ['PROTEST TUR->SWE']);
});

test('a condemnation told after the clause it judges targets that clause\'s subject', () => {
  const text = 'Croatian authorities are failing the refugees, a human rights group protested here Wednesday.';
  assert.deepEqual(eventsOf(text, { 'Croatian authorities': 'HRV', 'a human rights group': 'NGO' }), ['ACCUSE NGO->HRV']);
});

test('an accusation cites an act that is an event of its own; a purchase runs from the seller to the buyer', () => {
  const text = 'The United States and South Korea have accused Pyongyang of sending Russia millions of artillery shells.';
  assert.deepEqual(eventsOf(text, { 'The United States': 'USA', 'South Korea': 'KOR', Pyongyang: 'PRK', Russia: 'RUS' }).sort(), ['ACCUSE USA+KOR->PRK', 'AID PRK->RUS']);
  assert.deepEqual(eventsOf('Russia may soon acquire ballistic missiles from Iran.', { Russia: 'RUS', Iran: 'IRN' }), ['AID IRN->RUS']);
});

test('forces sent to the front are sent to fight: the enemy named after "against" is the target', () => {
  assert.deepEqual(eventsOf('They are likely to be sent to the front line against Ukraine.', { 'They*': 'PRK', Ukraine: 'UKR' }), ['ASSAULT PRK->UKR']);
  // sent to an ally, they are still aid to that ally
  assert.deepEqual(eventsOf('Belarus sent troops to Russia to fight on the front line.', { Belarus: 'BLR', Russia: 'RUS' }), ['AID BLR->RUS']);
});

test('the side an assault is fought on names the recipient of later troops, and its enemy the target', () => {
  const text = 'Syrian soldiers fought for Russia against Ukraine in March. Damascus is expected to send more soldiers.';
  assert.deepEqual(eventsOf(text, { Syrian: 'SYR', Russia: 'RUS', Ukraine: 'UKR', Damascus: 'SYR' }), ['ASSAULT SYR->UKR', 'AID SYR->RUS']);
  const allies = 'Russian forces attacked Ukraine in May. Thousands of Syrian soldiers fought alongside Russian troops.';
  assert.deepEqual(eventsOf(allies, { Russian: 'RUS', Ukraine: 'UKR', Syrian: 'SYR' }), ['ASSAULT RUS->UKR', 'ASSAULT SYR->UKR']);
});

test('event nouns behind tagger slips: talks after "return to", damage after "in earlier", a nuclear test', () => {
  assert.deepEqual(eventsOf('Officials said Iran was unlikely to return to talks with the United States soon.', { Iran: 'IRN', 'the United States': 'USA' }), ['CONSULT IRN->USA']);
  assert.deepEqual(eventsOf('Moscow has denied any role in earlier damage to the pipeline.', { Moscow: 'RUS' }), ['ASSAULT RUS->']);
  assert.deepEqual(eventsOf('North Korea refrained from conducting a nuclear test last year.', { 'North Korea': 'PRK' }), ['MOBILIZE PRK->']);
});

test('a gerund after a passive with no agent is an act of the passive\'s subject', () => {
  assert.deepEqual(eventsOf('About 500 Syrian soldiers are believed to have been killed in fighting against Turkish forces.', { Syrian: 'SYR', Turkish: 'TUR' }), ['ASSAULT SYR->TUR']);
});

test('missiles fired at someone are an assault, fired into the sea a test', () => {
  assert.deepEqual(eventsOf('Ukraine fired six missiles at a Russian arms depot.', { Ukraine: 'UKR', Russian: 'RUS' }), ['ASSAULT UKR->RUS']);
  assert.deepEqual(eventsOf('North Korea fired two missiles into the sea.', { 'North Korea': 'PRK' }), ['MOBILIZE PRK->']);
});

test('troops that are trained receive the training; what is sought names whom it is sought from', () => {
  assert.deepEqual(eventsOf('Russian instructors trained the North Korean troops.', { Russian: 'RUS', 'North Korean': 'PRK' }), ['COOPERATE RUS->PRK']);
  assert.deepEqual(eventsOf('Pyongyang is expected to seek Russian technology.', { Pyongyang: 'PRK', Russian: 'RUS' }), ['REQUEST PRK->RUS']);
});

test('a class is found under a word\'s lemma and its own form ("defences", lemma "defense")', () => {
  assert.deepEqual(eventsOf('NATO will bolster air defences in Poland.', { NATO: 'IGO', Poland: 'POL' }), ['MOBILIZE IGO->POL']);
});

test('a mutual act of countries named together, with no one else named, runs from each to the others', () => {
  assert.deepEqual(eventsOf('Russia and Belarus signed a defence treaty on Friday.', { Russia: 'RUS', Belarus: 'BLR' }), ['SUPPORT RUS->BLR', 'SUPPORT BLR->RUS']);
  // not when a target is named, nor for acts that are not mutual
  assert.deepEqual(eventsOf('Russia and Belarus condemned Poland.', { Russia: 'RUS', Belarus: 'BLR', Poland: 'POL' }), ['ACCUSE RUS+BLR->POL']);
  assert.deepEqual(eventsOf('Russia and Belarus held talks with China.', { Russia: 'RUS', Belarus: 'BLR', China: 'CHN' }), ['CONSULT RUS+BLR->CHN']);
});

test('a forceful act in response to someone\'s act targets that someone', () => {
  assert.deepEqual(eventsOf('The Syrian army launched an offensive in response to Turkey\'s attack.', { Syrian: 'SYR', Turkey: 'TUR' }).slice(0, 1), ['ASSAULT SYR->TUR']);
});

test('weapons launched at someone are an assault on them', () => {
  assert.deepEqual(eventsOf('Syria launched dozens of missiles at Turkey overnight.', { Syria: 'SYR', Turkey: 'TUR' }), ['ASSAULT SYR->TUR']);
  assert.deepEqual(eventsOf('Syria launched two missiles on Sunday.', { Syria: 'SYR' }), ['MOBILIZE SYR->']);
});

test('a protest\'s purpose clause names what it protests against', () => {
  assert.deepEqual(eventsOf('Farmers in Lyon blocked a road to show their anger at Brazil\'s trade policy, police said.', { 'Farmers in Lyon': 'FRA', Brazil: 'BRA' }), ['PROTEST FRA->BRA']);
});

test('an indefinite event noun without actors takes those of the same act just told', () => {
  const text = 'Officials said Pyongyang had finished preparations for a nuclear test. A nuclear test could be carried out next week, they said.';
  assert.deepEqual(eventsOf(text, { Pyongyang: 'PRK' }), ['MOBILIZE PRK->', 'MOBILIZE PRK->']);
  // without such an act, it has no source and is no event
  assert.deepEqual(eventsOf('A nuclear test could be carried out next week, officials said.', {}), []);
});

test('a complement past an abbreviation in brackets, and the subject of a warning\'s object', () => {
  assert.deepEqual(eventsOf('The IAEA sent inspectors to the Arak Heavy Water Reactor (IR-40) in Iran.', { IAEA: 'IGO', Iran: 'IRN' }), ['ACCUSE IGO->IRN']);
  assert.deepEqual(eventsOf('Washington warned Tehran not to attack Israeli ships.', { Washington: 'USA', Tehran: 'IRN', Israeli: 'ISR' }), ['ASSAULT IRN->ISR']);
});

test('a light verb reaches its noun past an adverb; a bare count moves what the same verb moved before', () => {
  assert.deepEqual(eventsOf('Washington would announce more military assistance for Kyiv within days.', { Washington: 'USA', Kyiv: 'UKR' }), ['AID USA->UKR']);
  const text = 'Manila sent 2,000 workers to Qatar last year and plans to send several thousand more this year.';
  assert.deepEqual(eventsOf(text, { Manila: 'PHL', Qatar: 'QAT' }), ['COOPERATE PHL->QAT', 'COOPERATE PHL->QAT']);
});

test('a relative clause whose pronoun is its subject names the target of an event noun; one with its own subject does not', () => {
  assert.deepEqual(eventsOf('Brussels proposed new sanctions that would ban imports of Russian gas.', { Brussels: 'IGO', Russian: 'RUS' }), ['SANCTION IGO->RUS']);
  assert.deepEqual(eventsOf('Brussels proposed new sanctions that Russian officials called absurd.', { Brussels: 'IGO', Russian: 'RUS' }).filter((e) => e.startsWith('SANCTION')), ['SANCTION IGO->']);
});

test('"further" makes an event noun another act of the kind told before, by the same actors', () => {
  const text = 'Iran has shipped drones to Russia. Further shipments were likely in the coming months, officials said.';
  assert.deepEqual(eventsOf(text, { Iran: 'IRN', Russia: 'RUS' }), ['AID IRN->RUS', 'AID IRN->RUS']);
  // without the additive word, and told long after, an indefinite noun does not take them
  assert.deepEqual(eventsOf('Iran has shipped drones to Russia. Officials met. Officials met. Officials met. Shipments were likely.', { Iran: 'IRN', Russia: 'RUS' }), ['AID IRN->RUS']);
});

test('sharing military technology is aid; sharing intelligence is cooperation', () => {
  assert.deepEqual(eventsOf('Moscow could share missile technology with Tehran.', { Moscow: 'RUS', Tehran: 'IRN' }), ['AID RUS->IRN']);
  assert.deepEqual(eventsOf('Seoul will share intelligence with Tokyo.', { Seoul: 'KOR', Tokyo: 'JPN' }), ['COOPERATE KOR->JPN']);
});

test('the parties of a "between" phrase act together: each towards the others; a host of such talks receives them as targets', () => {
  assert.deepEqual(eventsOf('Negotiations between Armenia and Azerbaijan are planned for next month.', { Armenia: 'ARM', Azerbaijan: 'AZE' }), ['CONSULT ARM->AZE', 'CONSULT AZE->ARM']);
  assert.deepEqual(eventsOf('A truce between Ethiopia and Eritrea held through the winter.', { Ethiopia: 'ETH', Eritrea: 'ERI' }), ['RETREAT ETH->ERI', 'RETREAT ERI->ETH']);
  assert.deepEqual(eventsOf('Qatar hosted a meeting between Hamas and Egypt.', { Qatar: 'QAT', Hamas: 'PSE', Egypt: 'EGY' }), ['CONSULT QAT->PSE+EGY']);
});

test('names joined by a hyphen before an event noun are its parties together', () => {
  assert.deepEqual(eventsOf('A new round of Saudi-Yemeni talks opened in Muscat.', { Saudi: 'SAU', Yemeni: 'YEM' }), ['CONSULT SAU->YEM', 'CONSULT YEM->SAU']);
});

test('a hyphenated verb of the table is one trigger after a modal or a subject; after a determiner it is no verb', () => {
  assert.deepEqual(eventsOf('Tehran could test-fire a new rocket within weeks.', { Tehran: 'IRN' }), ['MOBILIZE IRN->']);
  assert.deepEqual(eventsOf('Pakistan test-launched a cruise missile on Friday.', { Pakistan: 'PAK' }), ['MOBILIZE PAK->']);
  assert.deepEqual(eventsOf('The test-fire drew protests.', {}), []);
});

test('an ordinal or indefinite container without content names another act of the kind it held; a definite one is the same act', () => {
  const text = 'Canada imposed a third package of sanctions on Belarus. Ottawa is expected to propose a fourth package next month.';
  assert.deepEqual(eventsOf(text, { Canada: 'CAN', Belarus: 'BLR', Ottawa: 'CAN' }), ['SANCTION CAN->BLR', 'SANCTION CAN->BLR']);
  const same = 'Canada imposed a third package of sanctions on Belarus. The package needs approval by parliament.';
  assert.deepEqual(eventsOf(same, { Canada: 'CAN', Belarus: 'BLR' }), ['SANCTION CAN->BLR']);
  assert.deepEqual(eventsOf('A fourth package is expected next month.', {}), []);
});

test('leaving or withdrawing from a treaty is a rejection; withdrawing troops a retreat; exacting a price is force', () => {
  assert.deepEqual(eventsOf('Washington withdrew from the treaty with Moscow.', { Washington: 'USA', Moscow: 'RUS' }), ['REJECT USA->RUS']);
  assert.deepEqual(eventsOf('Caracas could quit the accord.', { Caracas: 'VEN' }), ['REJECT VEN->']);
  assert.deepEqual(eventsOf('Moscow withdrew its troops from Georgia.', { Moscow: 'RUS', Georgia: 'GEO' }), ['RETREAT RUS->GEO']);
  assert.deepEqual(eventsOf('Ankara would exact a heavy price from the militants in Syria.', { Ankara: 'TUR', militants: 'IMG' }), ['ASSAULT TUR->IMG']);
});

test('a measure in the passive without an agent goes on with the measure just told; a killing in the passive does not', () => {
  const text = 'Canada agreed to ban imports of Iranian oil. Older contracts will be banned from March.';
  assert.deepEqual(eventsOf(text, { Canada: 'CAN', Iranian: 'IRN' }), ['SANCTION CAN->IRN', 'SANCTION CAN->IRN']);
  const war = 'Ethiopian forces attacked Eritrean positions. Ten Ethiopian soldiers were killed.';
  assert.deepEqual(eventsOf(war, { 'Ethiopian forces': 'ETH', Eritrean: 'ERI', 'Ethiopian soldiers': 'ETH' }), ['ASSAULT ETH->ERI']);
});

test('a trade ban is a sanction on whom the trade names', () => {
  assert.deepEqual(eventsOf('Ottawa announced a ban on imports of Syrian phosphates.', { Ottawa: 'CAN', Syrian: 'SYR' }), ['SANCTION CAN->SYR']);
});

test('an event noun after an adjective heads its phrase; a pronoun possessing a light verb\'s object stands for the subject', () => {
  assert.deepEqual(eventsOf('Armenia and Iran held their Aras-2024 military exercises.', { Armenia: 'ARM', Iran: 'IRN', 'their*': '---' }), ['MOBILIZE ARM+IRN->']);
});

test('a state\'s support for a war effort is aid; support for a policy stays support', () => {
  assert.deepEqual(eventsOf("Analysts expect Iran's support for the Syrian war effort to grow.", { Iran: 'IRN', Syrian: 'SYR' }), ['AID IRN->SYR']);
  assert.deepEqual(eventsOf("Analysts expect Iran's support for the Syrian peace plan to grow.", { Iran: 'IRN', Syrian: 'SYR' }), ['SUPPORT IRN->SYR']);
});

test('an indefinite description after a named object says what it is ("launched Iron Gate, an operation to ...")', () => {
  assert.deepEqual(eventsOf('The alliance launched Iron Gate, an operation to guard the coast.', { 'The alliance': 'IGO' }), ['MOBILIZE IGO->']);
  assert.deepEqual(eventsOf('The alliance launched Iron Gate, the new website.', { 'The alliance': 'IGO' }), []);
});

test('putting a satellite into orbit is a launch; what a commissive vows to do is the act', () => {
  assert.deepEqual(eventsOf('Iran vowed to put two satellites into orbit.', { Iran: 'IRN' }), ['MOBILIZE IRN->']);
});

test('a place in a target slot names the state it lies in, unless the source is at home, with an ally, or not alone', () => {
  assert.deepEqual(eventsOf('Iran said Israel struck an air base near Isfahan.', { Iran: 'IRN', Israel: 'ISR' }, true), ['ASSAULT ISR->IRN']);
  assert.deepEqual(eventsOf('North Korea hosted a parade. Lavrov visited Pyongyang on Friday.', { 'North Korea': 'PRK', Lavrov: 'RUS' }, true).slice(-1), ['CONSULT RUS->PRK']);
  assert.deepEqual(eventsOf('Ukraine struck a depot near Kharkiv.', { Ukraine: 'UKR' }, true), ['ASSAULT UKR->']);
  // a state the text names only by a place gets an actor of its own
  assert.deepEqual(eventsOf('The Iraqi president arrived in Amman on Wednesday.', { 'Iraqi president': 'IRQ' }, true), ['CONSULT IRQ->JOR']);
  assert.deepEqual(eventsOf('Iran said Israel struck an air base near Isfahan.', { Iran: 'IRN', Israel: 'ISR' }), ['ASSAULT ISR->']);
  const allies = 'Pyongyang sent troops to fight for Russia. North Korean troops attacked positions in Kursk.';
  assert.deepEqual(eventsOf(allies, { Pyongyang: 'PRK', Russia: 'RUS', 'North Korean troops': 'PRK' }, true).filter((e) => e.startsWith('ASSAULT')).slice(-1), ['ASSAULT PRK->']);
  const mutual = eventsOf('China stayed silent. Kim and Putin held talks in Beijing.', { China: 'CHN', Kim: 'PRK', Putin: 'RUS' }, true);
  assert.deepEqual(mutual.filter((e) => e.startsWith('CONSULT')), ['CONSULT PRK->RUS', 'CONSULT RUS->PRK']);
});

test('an envoy recalled "to" a state, a ban on imports of its goods and the body that people convened belong to are targets', () => {
  assert.deepEqual(eventsOf('Tehran recalled the ambassador to Japan.', { Tehran: 'IRN', Japan: 'JPN' }), ['SANCTION IRN->JPN']);
  assert.deepEqual(eventsOf('The EU agreed to ban imports of Russian steel.', { EU: 'IGO', Russian: 'RUS' }), ['SANCTION IGO->RUS']);
  assert.deepEqual(eventsOf('The chancellor convened ministers of the European Union.', { chancellor: 'DEU', ministers: 'DEU', 'European Union': 'IGO' }), ['CONSULT DEU->IGO']);
});

test('a verb whose definite object was told before repeats that act: towards its target, or answering its source', () => {
  assert.deepEqual(eventsOf('Japan ratified the treaty with Vietnam in May. Vietnam ratified the treaty in June.', { Japan: 'JPN', Vietnam: 'VNM' }), ['SUPPORT JPN->VNM', 'SUPPORT VNM->JPN']);
  assert.deepEqual(eventsOf('Japan ratified the treaty with Vietnam in May. Japan ratified the treaty again in June.', { Japan: 'JPN', Vietnam: 'VNM' }), ['SUPPORT JPN->VNM', 'SUPPORT JPN->VNM']);
  assert.deepEqual(eventsOf('Japan ratified the treaty with Vietnam in May. Vietnam ratified a treaty in June.', { Japan: 'JPN', Vietnam: 'VNM' }), ['SUPPORT JPN->VNM', 'SUPPORT VNM->']);
  // a definite object not told with that act is something else
  assert.deepEqual(eventsOf('Japan ratified the treaty with Vietnam in May. Vietnam ratified the protocol in June.', { Japan: 'JPN', Vietnam: 'VNM' }), ['SUPPORT JPN->VNM', 'SUPPORT VNM->']);
});

test('what a request asks for names the one asked through its complements: "over", "under", and a numbered name\'s "of" phrase', () => {
  assert.deepEqual(eventsOf('Budapest demanded guarantees over an EU plan.', { Budapest: 'HUN', EU: 'IGO' }), ['REQUEST HUN->IGO']);
  assert.deepEqual(eventsOf('Vilnius asked for a meeting under Article 4 of the NATO treaty.', { Vilnius: 'LTU', NATO: 'IGO' }), ['REQUEST LTU->IGO']);
  assert.deepEqual(eventsOf('Vilnius asked for a meeting on Monday.', { Vilnius: 'LTU' }), ['REQUEST LTU->']);
});

test('a relative clause of a verb\'s object, past an adverb, names whom the act reaches', () => {
  assert.deepEqual(eventsOf('Pyongyang blew up a bridge that once linked the city to Seoul.', { Pyongyang: 'PRK', Seoul: 'KOR' }), ['ASSAULT PRK->KOR']);
  assert.deepEqual(eventsOf('Pyongyang blew up a bridge that the city had built.', { Pyongyang: 'PRK' }), ['ASSAULT PRK->']);
});

test('a strike "on" a phrase targets who it names', () => {
  assert.deepEqual(eventsOf('Israel struck on Lebanese territory overnight.', { Israel: 'ISR', Lebanese: 'LBN' }), ['ASSAULT ISR->LBN']);
});

test('a bare "in response" after a forceful act aims it at the author of the act against its source just told', () => {
  const actors = { Hanoi: 'VNM', Chinese: 'CHN', Beijing: 'CHN' };
  assert.deepEqual(eventsOf('Hanoi shelled Chinese positions, and Beijing shelled the town in response.', actors), ['ASSAULT VNM->CHN', 'ASSAULT CHN->VNM']);
  assert.deepEqual(eventsOf('Hanoi shelled Chinese positions, and Beijing shelled the town at dawn.', actors), ['ASSAULT VNM->CHN', 'ASSAULT CHN->']);
});

test('a forceful act on condition of someone else\'s act is aimed at that someone', () => {
  assert.deepEqual(eventsOf('Manila would strike back hard if Beijing rammed its boats.', { Manila: 'PHL', Beijing: 'CHN' }), ['ASSAULT PHL->CHN', 'ASSAULT CHN->']);
  assert.deepEqual(eventsOf('Manila would strike back hard if ordered to.', { Manila: 'PHL' }), ['ASSAULT PHL->']);
  assert.deepEqual(eventsOf('Manila would retaliate if Beijing blocked the shoal.', { Manila: 'PHL', Beijing: 'CHN' }).slice(0, 1), ['ASSAULT PHL->CHN']);
});

test('the passive subject of an escort is its target, not what it moves', () => {
  assert.deepEqual(eventsOf('The Russian jets were escorted away by Italian fighters.', { 'Russian jets': 'RUS', 'Italian fighters': 'ITA' }), ['MOBILIZE ITA->RUS']);
});

test('the antecedent of an object relative clause is the object its verb requires ("the accord that X signed")', () => {
  assert.deepEqual(eventsOf('Officials praised the accord that Chile signed with Peru.', { Chile: 'CHL', Peru: 'PER' }), ['SUPPORT CHL->PER']);
  // without a relative pronoun before the subject, nothing stands in for the object
  assert.deepEqual(eventsOf('Officials praised the accord, and Chile signed with Peru.', { Chile: 'CHL', Peru: 'PER' }), []);
});

test('a time phrase that opens the sentence leaves the subject to its verb; a name after a verb of giving is its recipient', () => {
  assert.deepEqual(eventsOf('On Saturday Ankara shelled Kurdish positions.', { Ankara: 'TUR', Kurdish: 'KRD' }), ['ASSAULT TUR->KRD']);
  assert.deepEqual(eventsOf('Madrid has given Kyiv air-defence missiles.', { Madrid: 'ESP', Kyiv: 'UKR' }), ['AID ESP->UKR']);
});

test('a participle with its agent between commas after the subject is a passive of that subject', () => {
  assert.deepEqual(eventsOf('The accord, signed by Chile and Peru in Lima, ended the dispute.', { Chile: 'CHL', Peru: 'PER' }), ['SUPPORT CHL->PER', 'SUPPORT PER->CHL']);
  // at the end of a clause the phrase may modify something else, and is left alone
  assert.deepEqual(eventsOf('They praised the accord, signed by Chile and Peru in Lima.', { Chile: 'CHL', Peru: 'PER' }), []);
});
