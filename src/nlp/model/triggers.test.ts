// Tests for rows of the shipped trigger tables, run through the whole extractor on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from './load.js';
import { extract } from '../pipeline.js';

const model = loadModel();

/** The events of one text as "TYPE SRC->TGT" with actor codes ("-" for no target), in text order. */
function coded(text: string): string[] {
  const rec = extract({ id: 't', text, published: '2024-03-01' }, model);
  const code = new Map(rec.actors.map((a) => [a.id, a.code ?? '?']));
  const codes = (ids: string[]) => ids.map((id) => code.get(id)).join('+') || '-';
  return rec.events.map((e) => `${e.type} ${codes(e.source)}->${codes(e.target)}`);
}

const has = (text: string, event: string) => assert.ok(coded(text).includes(event), `${event} in ${JSON.stringify(coded(text))}`);
const lacksType = (text: string, type: string) =>
  assert.ok(!coded(text).some((e) => e.startsWith(type + ' ')), `no ${type} in ${JSON.stringify(coded(text))}`);

test('briefing a party, or telling a legislature, is consulting it; telling anyone else stays a reporting frame', () => {
  has("Japan's defence ministry briefed lawmakers on the missile launch.", 'CONSULT JPN->JPN');
  has('The Taiwanese coast guard told legislators that Chinese ships had entered its waters.', 'CONSULT TWN->TWN');
  lacksType('The Taiwanese coast guard told reporters that Chinese ships had entered its waters.', 'CONSULT');
});

test('regret and findings of breach are accusations; a veto named again is the vetoing state', () => {
  has('China vetoed the draft on Monday. France said it deeply regretted the veto.', 'ACCUSE FRA->CHN');
  has('The IAEA board found Syria in breach of its safeguards obligations.', 'ACCUSE IGO->SYR');
});

test('dropping an objection yields only to a named party; blocking a named plan rejects its owner', () => {
  has('Turkey dropped its objections to the NATO membership of Finland.', 'CONCEDE TUR->IGO');
  lacksType('Turkey finally dropped its objections.', 'CONCEDE');
  has("Hungary blocked the EU's latest aid package.", 'REJECT HUN->IGO');
  has("Austria delayed the EU's new sanctions package.", 'REJECT AUT->IGO');
  lacksType('Protesters blocked the package of reforms.', 'REJECT');
});

test('weapons put on show, scrambled jets and shadowing ships are shows of force', () => {
  has('Iran unveiled a new ballistic missile on Sunday.', 'MOBILIZE IRN->-');
  has('Japanese fighter jets were scrambled on Tuesday.', 'MOBILIZE JPN->-');
  lacksType('Iran unveiled a new budget on Sunday.', 'MOBILIZE');
});

test('halting talks or mediation reduces relations, scaling back cooperation too; halting attacks de-escalates', () => {
  has('Qatar broke off talks with Israel.', 'SANCTION QAT->ISR');
  has('Iran could scale back cooperation with the IAEA.', 'SANCTION IRN->IGO');
  has('Russia agreed to halt attacks on Ukraine.', 'RETREAT RUS->UKR');
});

test('closing a strait or airport restricts passage; inviting retaliation is no invitation', () => {
  has('Yemen closed the Bab el-Mandeb strait on Friday.', 'COERCE YEM->-');
  lacksType('Seoul said the launches invite retaliation from North Korea.', 'CONSULT');
});

test('allowing a named party to act concedes to it; promising troops is the transfer itself', () => {
  has("Egypt allowed Gaza's wounded to enter its territory.", 'CONCEDE EGY->PSE');
  has('Belarus promised thousands of troops to Russia.', 'AID BLR->RUS');
});

test('CAMEO verbs of praise, reproach, yielding power and armed attack', () => {
  has('Egypt hailed the truce between Israel and Hamas.', 'SUPPORT EGY->ISR+PSE');
  has('Sweden reprimanded Iran over the arrests.', 'ACCUSE SWE->IRN');
  has('Syrian troops opened fire on Turkish soldiers.', 'ASSAULT SYR->TUR');
  has('Russian forces pounded Kherson overnight.', 'ASSAULT RUS->UKR');
  has('Putin held a phone call with Erdogan.', 'CONSULT RUS->TUR');
  has('Bolivia extradited the suspect to Brazil.', 'COOPERATE BOL->BRA');
});

test('requests sent or made to a named party, treaty articles invoked, and work with a partner', () => {
  has('Kyiv sent a request to Berlin for more air defence systems.', 'REQUEST UKR->DEU');
  lacksType('Kyiv sent a request to Berlin for more air defence systems.', 'AID');
  has("Lithuania invoked NATO's Article 4.", 'REQUEST LTU->IGO');
  has('Finland is working with Sweden on the inquiry.', 'COOPERATE FIN->SWE');
});

test('a war against a named country is an assault on it, a trade war is not; prisoner swaps and releases are retreats', () => {
  has("Armenia condemned Azerbaijan's war against Armenia.", 'ASSAULT AZE->ARM');
  lacksType("China's trade war with the United States escalated.", 'ASSAULT');
  has('Armenia and Azerbaijan carried out a prisoner exchange.', 'RETREAT ARM+AZE->-');
  has('Thailand ordered the expulsion of the Myanmar ambassador.', 'SANCTION THA->MMR');
});

test('rows narrowed so that common non-events stay out', () => {
  lacksType('Iraq failed to meet its commitments.', 'CONSULT');
  lacksType("Norway's energy supply is not at risk.", 'AID');
  lacksType('The tankers help Moscow ship oil around the price cap.', 'AID');
  has('Venezuela shipped oil to Cuba.', 'AID VEN->CUB');
  lacksType('Oslo airport closed its airspace for two hours.', 'SANCTION');
  has('Poland closed its border with Belarus.', 'SANCTION POL->BLR');
});

test('fighting for a named state aids it, unless its enemy is named', () => {
  has('Belarusian soldiers fought for Russia in Kursk.', 'AID BLR->RUS');
  has('Belarusian soldiers were fighting for Russia against Ukrainian forces.', 'ASSAULT BLR->UKR');
});

test('relations broken off or established, fire exchanged, ships rammed', () => {
  has('Nicaragua broke off diplomatic relations with Taiwan.', 'SANCTION NIC->TWN');
  has('Israel and Morocco established diplomatic relations.', 'SUPPORT ISR->MAR');
  has('The EU and Mercosur concluded a trade agreement.', 'SUPPORT IGO->-');
  has('Belarus stands by Russia.', 'SUPPORT BLR->RUS');
  lacksType('Japan stood by its decision.', 'SUPPORT');
  has('Armenia and Azerbaijan exchanged fire along the border.', 'ASSAULT ARM+AZE->-');
  has('China rammed a Vietnamese fishing boat.', 'ASSAULT CHN->VNM');
});

test('hostages taken, groups banned or dissolved, rallies against a named party', () => {
  has('Hamas fighters took dozens of Israelis hostage.', 'ASSAULT PSE->ISR');
  lacksType('Ukraine took part in the prisoner exchange with Russia.', 'ASSAULT');
  has('Russia banned the opposition party of Alexei Navalny.', 'COERCE RUS->RUS');
  has('The Kenyan president dissolved the Kenyan parliament.', 'COERCE KEN->KEN');
});

test('forcing out an international mission sanctions its body; forcing out people coerces them', () => {
  has('Mali forced the UN peacekeeping mission out of the country.', 'SANCTION MLI->IGO');
  has('Israeli settlers forced Palestinian families out of their homes.', 'COERCE ISR->PSE');
});

test('bans lifted, loans and airlifts, weapons handed over, aid and inspectors let in', () => {
  has('Moscow lifted its ban on Georgian wine imports.', 'CONCEDE RUS->GEO');
  lacksType('Moscow lifted its ban on Georgian wine imports.', 'SANCTION');
  has('The World Bank approved a new loan to Kenya.', 'AID IGO->KEN');
  has('Jordan airlifted food to Gaza.', 'AID JOR->PSE');
  has('Iraq allowed UN inspectors into the country.', 'RETREAT IRQ->IGO');
});

test('outlets silenced and warrants issued are coercion', () => {
  has('Russia blocked access to the websites of German newspapers.', 'COERCE RUS->DEU');
  has('The Malian junta suspended the broadcasts of French broadcaster RFI.', 'COERCE MLI->FRA');
  has('The ICC issued an arrest warrant for Vladimir Putin.', 'COERCE IGO->RUS');
});
