# Vendors: who the party may contract.
# The tests themselves live in ethiq.lib.vendors, so that campaigns (CMP-004) and data sources (DAT-007)
# judge the vendors they rely on by the same rules; this package only turns the reasons into findings.
package ethiq.rules.vendor

import data.ethiq.lib.vendors

_related := object.get(input, "related", {})

_block := vendors.block_reasons(input.document, _related)

_warn := vendors.warn_reasons(input.document)

# The findings of one rule. A reason reached through another vendor carries its route as `trace`.
_findings(reasons, rule) := {_finding(r) | some r in reasons; r.rule == rule}

_finding(r) := object.union(
	{"rule": r.rule, "status": r.status, "path": r.path, "message": r.message, "params": r.params},
	{"trace": r.trace},
) if {
	_ = r.trace
} else := {"rule": r.rule, "status": r.status, "path": r.path, "message": r.message, "params": r.params}

# METADATA
# title: Cambridge Analytica and related entities, direct match
# description: >-
#   A vendor whose registry id, name, alias, trade name or domain matches Cambridge Analytica or a related
#   entity on the blocklist must not be contracted. A near match of a name, or a match of a blocklist entry
#   marked for review, needs a human check.
# custom:
#   id: VEN-001
#   severity: block
#   title_sv: Cambridge Analytica och närstående bolag, direkt träff
#   description_sv: >-
#     En leverantör vars registreringsnummer, namn, alias, handelsnamn eller domän stämmer med Cambridge
#     Analytica eller ett närstående bolag i spärrlistan får inte anlitas. En nära träff på ett namn, eller
#     en träff på en post i spärrlistan som är markerad för granskning, kräver en manuell kontroll.
#   sources:
#     - seed: S17
#   remediation:
#     en: Do not contract the vendor, and record the decision. For a review finding, check the vendor's identity and ownership and record the outcome.
#     sv: Anlita inte leverantören och dokumentera beslutet. Vid en granskningsträff, kontrollera leverantörens identitet och ägare och dokumentera resultatet.
#   messages:
#     blocked_registry_id:
#       en: "The registry id {value} belongs to {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Registreringsnumret {value} tillhör {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     blocked_name:
#       en: "The name {value} is a name of {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Namnet {value} är ett namn på {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     blocked_domain:
#       en: "The domain {value} belongs to {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Domänen {value} tillhör {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     review_registry_id:
#       en: "The registry id {value} belongs to {canonical} (blocklist entry {entry}), an entry that needs human review: check whether the vendor is that entity."
#       sv: "Registreringsnumret {value} tillhör {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning: kontrollera om leverantören är samma bolag."
#     review_domain:
#       en: "The domain {value} belongs to {canonical} (blocklist entry {entry}), an entry that needs human review: check whether the vendor is that entity."
#       sv: "Domänen {value} tillhör {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning: kontrollera om leverantören är samma bolag."
#     review_name:
#       en: "The name {value} matches {canonical} (blocklist entry {entry}), an entry that needs human review: check whether the vendor is that entity."
#       sv: "Namnet {value} stämmer med {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning: kontrollera om leverantören är samma bolag."
#     near_name:
#       en: "The name {value} nearly matches {canonical} (blocklist entry {entry}): check whether the vendor is that entity."
#       sv: "Namnet {value} liknar {canonical} (post {entry} i spärrlistan): kontrollera om leverantören är samma bolag."
#     name_unindexed:
#       en: "The name {value} was not normalised by the engine, so it cannot be checked against the blocklist."
#       sv: "Namnet {value} har inte normaliserats av motorn, så det går inte att jämföra med spärrlistan."
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-001")
}

# METADATA
# title: Cambridge Analytica through the corporate chain
# description: >-
#   A vendor must not be owned by, descend from or have become Cambridge Analytica or a related entity, nor
#   pass data to one: the VEN-001 matcher is applied to every owner in parent_chain, the ultimate_parent,
#   the predecessors and successors, and, recursively and cycle-safe, to every vendor reached through
#   sub_processor_ids or an entity's vendor_id. A sub-processor or owner whose vendor document is not among
#   the documents checked, or an owner nobody can identify, needs a human check.
# custom:
#   id: VEN-002
#   severity: block
#   title_sv: Cambridge Analytica genom koncernen eller underbiträden
#   description_sv: >-
#     En leverantör får inte ägas av, härstamma från eller ha blivit Cambridge Analytica eller ett
#     närstående bolag, och inte heller lämna data vidare till ett sådant bolag: samma kontroll som i VEN-001
#     görs på varje ägare i parent_chain, på ultimate_parent, på föregångare och efterträdare och, rekursivt
#     och utan att fastna i cykler, på varje leverantör som nås via sub_processor_ids eller via ett bolags
#     vendor_id. Ett underbiträde eller en ägare vars leverantörsdokument inte finns bland de granskade
#     dokumenten, eller en ägare som inte går att identifiera, kräver en manuell kontroll.
#   sources:
#     - seed: S17
#   remediation:
#     en: Do not contract the vendor, or have it drop the sub-processor, and record the decision. Require a signed ownership declaration covering owners, predecessors, successors and sub-processors.
#     sv: >-
#       Anlita inte leverantören, eller låt den sluta använda underbiträdet, och dokumentera beslutet. Kräv en
#       undertecknad ägarförsäkran som omfattar ägare, föregångare, efterträdare och underbiträden.
#   messages:
#     blocked_registry_id:
#       en: "The entity at {at} in the vendor's ownership or history has the registry id {value}, which belongs to {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: >-
#         Bolaget vid {at} i leverantörens ägarkedja eller historik har registreringsnumret {value}, som tillhör
#         {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag.
#     blocked_name:
#       en: "The entity at {at} in the vendor's ownership or history is named {value}, a name of {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik heter {value}, ett namn på {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     blocked_domain:
#       en: "The entity at {at} in the vendor's ownership or history has the domain {value}, which belongs to {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik har domänen {value}, som tillhör {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag."
#     review_registry_id:
#       en: "The entity at {at} in the vendor's ownership or history has the registry id {value} of {canonical} (blocklist entry {entry}), an entry that needs human review."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik har registreringsnumret {value} som tillhör {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning."
#     review_domain:
#       en: "The entity at {at} in the vendor's ownership or history has the domain {value} of {canonical} (blocklist entry {entry}), an entry that needs human review."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik har domänen {value} som tillhör {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning."
#     review_name:
#       en: "The entity at {at} in the vendor's ownership or history is named {value}, which matches {canonical} (blocklist entry {entry}), an entry that needs human review."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik heter {value}, vilket stämmer med {canonical} (post {entry} i spärrlistan), en post som kräver manuell granskning."
#     near_name:
#       en: "The entity at {at} in the vendor's ownership or history is named {value}, which nearly matches {canonical} (blocklist entry {entry}): check whether it is that entity."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik heter {value}, vilket liknar {canonical} (post {entry} i spärrlistan): kontrollera om det är samma bolag."
#     name_unindexed:
#       en: "The name {value} at {at} was not normalised by the engine, so it cannot be checked against the blocklist."
#       sv: "Namnet {value} vid {at} har inte normaliserats av motorn, så det går inte att jämföra med spärrlistan."
#     entity_unidentified:
#       en: "The entity at {at} in the vendor's ownership or history has no name, registry id, domain or vendor document, so it cannot be checked against the blocklist."
#       sv: "Bolaget vid {at} i leverantörens ägarkedja eller historik saknar namn, registreringsnummer, domän och leverantörsdokument, så det går inte att jämföra med spärrlistan."
#     linked_blocked:
#       en: "The vendor is linked to the vendor {vendor} (chain: {chain}), whose {at} is {value}, which matches {canonical} (blocklist entry {entry}): Cambridge Analytica or a related entity."
#       sv: >-
#         Leverantören är kopplad till leverantören {vendor} (kedja: {chain}), vars {at} är {value}, som stämmer
#         med {canonical} (post {entry} i spärrlistan): Cambridge Analytica eller ett närstående bolag.
#     linked_review:
#       en: >-
#         The vendor is linked to the vendor {vendor} (chain: {chain}), whose {at} is {value}, which matches or
#         nearly matches {canonical} (blocklist entry {entry}): check whether it is that entity.
#       sv: >-
#         Leverantören är kopplad till leverantören {vendor} (kedja: {chain}), vars {at} är {value}, som stämmer
#         med eller liknar {canonical} (post {entry} i spärrlistan): kontrollera om det är samma bolag.
#     linked_unchecked:
#       en: "The vendor is linked to the vendor {vendor} (chain: {chain}), whose {at} cannot be checked against the blocklist."
#       sv: "Leverantören är kopplad till leverantören {vendor} (kedja: {chain}), vars {at} inte går att jämföra med spärrlistan."
#     linked_missing:
#       en: "The vendor is linked to the vendor {vendor} (chain: {chain}), which is not among the documents checked, so it cannot be cleared of links to Cambridge Analytica."
#       sv: "Leverantören är kopplad till leverantören {vendor} (kedja: {chain}), som inte finns bland de granskade dokumenten, så det går inte att utesluta kopplingar till Cambridge Analytica."
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-002")
}

# METADATA
# title: Key people overlap with Cambridge Analytica
# description: >-
#   A director, owner or key adviser whose name matches, or nearly matches, a person on the Cambridge
#   Analytica people list needs a human check of identity and role. Names collide, so this rule never fails
#   on a name alone: it only asks for review. People who exposed the company, such as Christopher Wylie, are
#   deliberately not on the list.
# custom:
#   id: VEN-003
#   severity: warn
#   title_sv: Nyckelpersoner med koppling till Cambridge Analytica
#   description_sv: >-
#     En styrelseledamot, ägare eller central rådgivare vars namn stämmer med, eller liknar, en person på
#     listan över personer med koppling till Cambridge Analytica kräver en manuell kontroll av identitet och
#     roll. Namn sammanfaller, så regeln underkänner aldrig enbart på ett namn utan begär bara granskning.
#     Personer som avslöjade bolaget, som Christopher Wylie, finns medvetet inte på listan.
#   sources:
#     - seed: S17
#   remediation:
#     en: Check whether the person is the listed person and what their role at the vendor is, and record the outcome with a named sign-off.
#     sv: Kontrollera om personen är den listade personen och vilken roll personen har hos leverantören, och dokumentera resultatet med ett namngivet godkännande.
#   messages:
#     person_match:
#       en: "The key person {value} has the name of {canonical} (blocklist person {person}): check whether it is the same person and what their role is."
#       sv: "Nyckelpersonen {value} har samma namn som {canonical} (person {person} i spärrlistan): kontrollera om det är samma person och vilken roll personen har."
#     person_near:
#       en: "The key person {value} has a name similar to {canonical} (blocklist person {person}): check whether it is the same person."
#       sv: "Nyckelpersonen {value} har ett namn som liknar {canonical} (person {person} i spärrlistan): kontrollera om det är samma person."
#     name_unindexed:
#       en: "The name {value} was not normalised by the engine, so it cannot be checked against the people list."
#       sv: "Namnet {value} har inte normaliserats av motorn, så det går inte att jämföra med personlistan."
#   non_waivable: false
#   effective_from: "2018-03-22"
warn contains finding if {
	some finding in _findings(_warn, "VEN-003")
}

# METADATA
# title: Signed non-use of Cambridge Analytica's services
# description: >-
#   A media agency, ad network, DSP, SSP, DMP, CDP, data broker, analytics, consultancy or survey-panel
#   vendor must have signed an attestation that neither it nor its sub-processors use the services of
#   Cambridge Analytica, SCL, Emerdata, AggregateIQ, GSR or their successors, backed by an evidence entry of
#   type attestation. A vendor whose roles are unknown and that has no such attestation needs a human check.
# custom:
#   id: VEN-004
#   severity: block
#   title_sv: Undertecknad försäkran om att inte använda Cambridge Analyticas tjänster
#   description_sv: >-
#     En mediebyrå, ett annonsnätverk, en DSP, SSP, DMP eller CDP, en datamäklare eller en leverantör av
#     analys, konsulttjänster eller undersökningspaneler måste ha undertecknat en försäkran om att varken den
#     eller dess underbiträden använder tjänster från Cambridge Analytica, SCL, Emerdata, AggregateIQ, GSR
#     eller deras efterföljare, styrkt av ett underlag av typen attestation. En leverantör med okända roller
#     som saknar en sådan försäkran kräver en manuell kontroll.
#   sources:
#     - seed: S17
#   remediation:
#     en: Get a signed attestation naming Cambridge Analytica, SCL, Emerdata, AggregateIQ, GSR and their known successors, and record it as an evidence entry of type attestation.
#     sv: Begär en undertecknad försäkran som nämner Cambridge Analytica, SCL, Emerdata, AggregateIQ, GSR och deras kända efterföljare, och registrera den som ett underlag av typen attestation.
#   messages:
#     not_signed:
#       en: "The vendor has the roles {roles} but has not signed the attestation that it does not use Cambridge Analytica's services."
#       sv: "Leverantören har rollerna {roles} men har inte undertecknat försäkran om att den inte använder Cambridge Analyticas tjänster."
#     signed_unknown:
#       en: "The vendor has the roles {roles}, and whether it has signed the attestation that it does not use Cambridge Analytica's services is missing or unknown."
#       sv: "Leverantören har rollerna {roles}, och det saknas uppgift om den har undertecknat försäkran om att den inte använder Cambridge Analyticas tjänster."
#     no_evidence:
#       en: "The attestation that the vendor does not use Cambridge Analytica's services is marked signed, but no evidence entry of type attestation backs it."
#       sv: "Försäkran om att leverantören inte använder Cambridge Analyticas tjänster är markerad som undertecknad, men inget underlag av typen attestation styrker den."
#     roles_unknown:
#       en: "The vendor's roles are missing or unknown and it has no signed, evidenced attestation that it does not use Cambridge Analytica's services."
#       sv: "Leverantörens roller saknas eller är okända, och den har ingen undertecknad och styrkt försäkran om att den inte använder Cambridge Analyticas tjänster."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-004")
}

# METADATA
# title: EDAA programme participation
# description: >-
#   A vendor in the scope of the EDAA / IAB Europe programme for online behavioural advertising (an ad
#   network, DSP, SSP, DMP, CDP, data broker or analytics vendor, or a media agency that buys programmatic
#   media) must take part in it: its EDAA status must not be none or withdrawn. A missing or unknown status,
#   or a scope that cannot be told (unknown roles, or a media agency that has not declared whether it buys
#   programmatic), needs a human check. A vendor outside the scope, such as a pure creative agency, is not
#   judged.
# custom:
#   id: VEN-005
#   severity: block
#   title_sv: Deltagande i EDAA:s program
#   description_sv: >-
#     En leverantör som omfattas av EDAA:s och IAB Europes program för beteendebaserad annonsering på nätet
#     (ett annonsnätverk, en DSP, SSP, DMP eller CDP, en datamäklare eller en analysleverantör, eller en
#     mediebyrå som köper programmatiskt) måste delta i programmet: dess EDAA-status får inte vara none
#     eller withdrawn. En status som saknas eller är okänd, eller ett omfång som inte går att avgöra (okända
#     roller, eller en mediebyrå som inte har uppgett om den köper programmatiskt), kräver en manuell
#     kontroll. En leverantör utanför omfånget, till exempel en renodlad reklambyrå, bedöms inte.
#   sources:
#     - seed: S11
#   remediation:
#     en: Use a vendor that takes part in the EDAA programme, or drop the behavioural-advertising services from the contract.
#     sv: Anlita en leverantör som deltar i EDAA:s program, eller ta bort tjänsterna för beteendebaserad annonsering ur avtalet.
#   messages:
#     not_participating:
#       en: "The vendor has the roles {roles}, which require EDAA participation, but its EDAA status is {status}."
#       sv: "Leverantören har rollerna {roles}, som kräver deltagande i EDAA:s program, men dess EDAA-status är {status}."
#     status_unknown:
#       en: "The vendor has the roles {roles}, which require EDAA participation, but its EDAA status is missing or unknown."
#       sv: "Leverantören har rollerna {roles}, som kräver deltagande i EDAA:s program, men dess EDAA-status saknas eller är okänd."
#     roles_unknown:
#       en: "The vendor's roles are missing or unknown, so whether it must take part in the EDAA programme cannot be told; its EDAA status is {status}."
#       sv: "Leverantörens roller saknas eller är okända, så det går inte att avgöra om den måste delta i EDAA:s program; dess EDAA-status är {status}."
#     programmatic_unknown:
#       en: "The vendor is a media agency that has not declared whether it buys programmatic media, so whether it must take part in the EDAA programme cannot be told; its EDAA status is {status}."
#       sv: "Leverantören är en mediebyrå som inte har uppgett om den köper programmatiskt, så det går inte att avgöra om den måste delta i EDAA:s program; dess EDAA-status är {status}."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-005")
}

# METADATA
# title: EDAA status is current
# description: >-
#   A vendor in the EDAA programme's scope must keep its participation current: a trust seal that expired
#   before the as-of date fails, and so does a vendor still at "joined" more than
#   thresholds.edaa_self_certification_months (6) after joining, whose self-certification is overdue. A
#   vendor at "self_certified" more than thresholds.edaa_seal_overdue_months (8) after joining is overdue for
#   its seal: a warning. A missing date needs a human check. Months are added on the calendar, clamped to
#   the end of a shorter month.
# custom:
#   id: VEN-006
#   severity: [block, warn]
#   title_sv: EDAA-statusen är aktuell
#   description_sv: >-
#     En leverantör som omfattas av EDAA:s program måste hålla sitt deltagande aktuellt: ett förtroendemärke
#     (trust seal) som gick ut före bedömningsdagen underkänns, och det gör även en leverantör som fortfarande
#     har status joined mer än thresholds.edaa_self_certification_months (6) månader efter anslutningen,
#     eftersom självcertifieringen är försenad. En leverantör med status self_certified mer än
#     thresholds.edaa_seal_overdue_months (8) månader efter anslutningen är sen med sitt märke: en varning.
#     Ett datum som saknas kräver en manuell kontroll. Månader räknas i kalendern, och ett datum som inte
#     finns i en kortare månad blir månadens sista dag.
#   sources:
#     - seed: S11
#   remediation:
#     en: Get the renewed seal from the certification provider's public listing and record its dates, or suspend the vendor until its EDAA status is current.
#     sv: Hämta det förnyade märket från certifieringsleverantörens offentliga förteckning och registrera dess datum, eller stäng av leverantören tills dess EDAA-status är aktuell.
#   messages:
#     seal_expired:
#       en: "The vendor's EDAA trust seal expired on {expires}, before the as-of date {as_of}."
#       sv: "Leverantörens EDAA-märke (trust seal) gick ut {expires}, före bedömningsdagen {as_of}."
#     seal_expiry_unknown:
#       en: "The vendor's EDAA status is trust_seal, but the seal's expiry date is missing or not a valid date."
#       sv: "Leverantörens EDAA-status är trust_seal, men märkets utgångsdatum saknas eller är inget giltigt datum."
#     self_certification_overdue:
#       en: "The vendor joined the EDAA programme on {joined} and has not self-certified: that was due within {months} months, by {due}, and the as-of date is {as_of}."
#       sv: "Leverantören anslöt sig till EDAA:s program {joined} och har inte självcertifierat sig: det skulle ske inom {months} månader, senast {due}, och bedömningsdagen är {as_of}."
#     seal_overdue:
#       en: "The vendor joined the EDAA programme on {joined} and is self-certified but has no trust seal: the seal was due within {months} months, by {due}, and the as-of date is {as_of}."
#       sv: >-
#         Leverantören anslöt sig till EDAA:s program {joined} och är självcertifierad men har inget
#         förtroendemärke: märket skulle finnas inom {months} månader, senast {due}, och bedömningsdagen är
#         {as_of}.
#     joined_unknown:
#       en: "The vendor's EDAA status is {status}, but the date it joined the programme is missing or not a valid date, so whether it is overdue cannot be told."
#       sv: "Leverantörens EDAA-status är {status}, men datumet då den anslöt sig till programmet saknas eller är inget giltigt datum, så det går inte att avgöra om den är försenad."
#     as_of_unknown:
#       en: "The run has no valid as-of date, so whether the vendor's EDAA status is current cannot be told."
#       sv: "Körningen saknar ett giltigt bedömningsdatum, så det går inte att avgöra om leverantörens EDAA-status är aktuell."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-006")
}

warn contains finding if {
	some finding in _findings(_warn, "VEN-006")
}

# METADATA
# title: GDPR contract matches the vendor's role
# description: >-
#   A vendor that processes the party's personal data as a processor or sub-processor must have signed a
#   data-processing agreement (GDPR Art. 28(3)); a joint controller must have a joint-controller arrangement
#   (Art. 26). An agreement declared unknown, or a GDPR role that is missing, needs a human check. A vendor
#   that is an independent controller needs neither.
# custom:
#   id: VEN-007
#   severity: block
#   title_sv: GDPR-avtalet motsvarar leverantörens roll
#   description_sv: >-
#     En leverantör som behandlar partiets personuppgifter som personuppgiftsbiträde eller underbiträde
#     måste ha undertecknat ett personuppgiftsbiträdesavtal (GDPR art. 28.3); en gemensamt
#     personuppgiftsansvarig måste ha ett avtal om gemensamt ansvar (art. 26). Ett avtal vars status är
#     okänd, eller en GDPR-roll som saknas, kräver en manuell kontroll. En leverantör som är självständigt
#     personuppgiftsansvarig behöver inget av dem.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 28(3)
#     - regulation: GDPR Art. 26
#   remediation:
#     en: Sign a data-processing agreement (Art. 28(3)) or a joint-controller arrangement (Art. 26) with the vendor before it handles any personal data, and record it.
#     sv: >-
#       Teckna ett personuppgiftsbiträdesavtal (art. 28.3) eller ett avtal om gemensamt personuppgiftsansvar
#       (art. 26) med leverantören innan den hanterar några personuppgifter, och dokumentera det.
#   messages:
#     dpa_missing:
#       en: "The vendor is a {role} for the party's data but has not signed a data-processing agreement (GDPR Art. 28(3))."
#       sv: "Leverantören är {role} för partiets uppgifter men har inte undertecknat något personuppgiftsbiträdesavtal (GDPR art. 28.3)."
#     dpa_unknown:
#       en: "The vendor is a {role} for the party's data, and whether it has signed a data-processing agreement (GDPR Art. 28(3)) is missing or unknown."
#       sv: "Leverantören är {role} för partiets uppgifter, och det saknas uppgift om den har undertecknat ett personuppgiftsbiträdesavtal (GDPR art. 28.3)."
#     art26_missing:
#       en: "The vendor is a joint controller with the party but has no joint-controller arrangement (GDPR Art. 26)."
#       sv: "Leverantören är gemensamt personuppgiftsansvarig med partiet men har inget avtal om gemensamt ansvar (GDPR art. 26)."
#     art26_unknown:
#       en: "The vendor is a joint controller with the party, and whether a joint-controller arrangement (GDPR Art. 26) is in place is missing or unknown."
#       sv: "Leverantören är gemensamt personuppgiftsansvarig med partiet, och det saknas uppgift om det finns ett avtal om gemensamt ansvar (GDPR art. 26)."
#     role_unknown:
#       en: "The vendor's GDPR role for the party's data is missing, so whether it needs a data-processing agreement or a joint-controller arrangement cannot be told."
#       sv: "Leverantörens GDPR-roll för partiets uppgifter saknas, så det går inte att avgöra om den behöver ett personuppgiftsbiträdesavtal eller ett avtal om gemensamt ansvar."
#   non_waivable: false
#   effective_from: "2018-05-25"
deny contains finding if {
	some finding in _findings(_block, "VEN-007")
}

# METADATA
# title: Data handled only in de-identified groups
# description: >-
#   A vendor must handle the party's data only de-identified and in groups: it must not deliver or handle
#   data about individuals, even pseudonymous ones, must not leave data unprotected or merely pseudonymised,
#   and its aggregates must have cells of at least thresholds.k_min_vendor_aggregate people. A missing
#   granularity, de-identification or, for aggregates, cell size needs a human check. A vendor that handles
#   no personal data is not judged.
# custom:
#   id: VEN-008
#   severity: block
#   title_sv: Data hanteras bara avidentifierad och i grupp
#   description_sv: >-
#     En leverantör får bara hantera partiets data avidentifierad och i grupp: den får inte leverera eller
#     hantera data om enskilda personer, inte heller pseudonymiserade, får inte lämna data oskyddad eller
#     bara pseudonymiserad, och dess sammanställningar måste ha celler med minst
#     thresholds.k_min_vendor_aggregate personer. En detaljnivå, en avidentifiering eller, för
#     sammanställningar, en cellstorlek som saknas kräver en manuell kontroll. En leverantör som inte
#     hanterar några personuppgifter bedöms inte.
#   sources:
#     - seed: S13
#     - seed: P3
#     - regulation: GDPR Recital 26
#   remediation:
#     en: Contract for aggregate-only, anonymised outputs with a minimum cell size of at least the threshold, and record it.
#     sv: Avtala om att leverantören bara levererar anonymiserade sammanställningar med en minsta cellstorlek på minst tröskelvärdet, och dokumentera det.
#   messages:
#     individual_data:
#       en: "The vendor delivers or handles data at the level {granularity}: the party never handles data at individual level."
#       sv: "Leverantören levererar eller hanterar data på nivån {granularity}: partiet hanterar aldrig data på individnivå."
#     not_de_identified:
#       en: "The vendor's de-identification is {method}: all data must be de-identified and handled in groups."
#       sv: "Leverantörens avidentifiering är {method}: alla uppgifter ska vara avidentifierade och hanteras i grupp."
#     cell_too_small:
#       en: "The vendor's smallest aggregate cell is {k_min} people, below the minimum of {threshold}."
#       sv: "Leverantörens minsta cell i sammanställningarna är {k_min} personer, under minimigränsen {threshold}."
#     granularity_unknown:
#       en: "The level at which the vendor delivers or handles data is missing or unknown."
#       sv: "Det saknas uppgift om på vilken nivå leverantören levererar eller hanterar data."
#     de_identification_unknown:
#       en: "How the vendor de-identifies data before delivery is missing or unknown."
#       sv: "Det saknas uppgift om hur leverantören avidentifierar data före leverans."
#     k_min_unknown:
#       en: "The smallest cell size of the vendor's aggregates is missing, so aggregates of very few people cannot be ruled out."
#       sv: "Den minsta cellstorleken i leverantörens sammanställningar saknas, så det går inte att utesluta sammanställningar av mycket få personer."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-008")
}

# METADATA
# title: No psychographic profiling
# description: >-
#   A vendor must not offer psychographic profiling. A data, analytics, survey, consultancy or media vendor
#   that has not declared whether it does needs a human check.
# custom:
#   id: VEN-009
#   severity: block
#   title_sv: Ingen psykografisk profilering
#   description_sv: >-
#     En leverantör får inte erbjuda psykografisk profilering. En leverantör av data, analys,
#     undersökningspaneler, konsulttjänster eller medieköp som inte har uppgett om den gör det kräver en
#     manuell kontroll.
#   sources:
#     - seed: S15
#   remediation:
#     en: Exclude the vendor, or get a contractual exclusion of psychographic profiling and record the vendor's declaration.
#     sv: Välj bort leverantören, eller avtala bort psykografisk profilering och dokumentera leverantörens försäkran.
#   messages:
#     psychographic_profiling:
#       en: "The vendor declares that it offers psychographic profiling."
#       sv: "Leverantören uppger att den erbjuder psykografisk profilering."
#     profiling_unknown:
#       en: "The vendor has the roles {roles} but has not declared whether it does psychographic profiling."
#       sv: "Leverantören har rollerna {roles} men har inte uppgett om den utför psykografisk profilering."
#     profiling_and_roles_unknown:
#       en: "The vendor has declared neither its roles nor whether it does psychographic profiling."
#       sv: "Leverantören har varken angett sina roller eller uppgett om den utför psykografisk profilering."
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-009")
}

# METADATA
# title: No engagement selling or bots
# description: >-
#   A vendor must not sell followers, likes or other engagement, nor offer bots or other automation that
#   inflates interactions: an engagement seller fails by its role, any other vendor by its declaration. A
#   media, ad-network, consultancy, influencer or automation vendor that has not declared either service,
#   or a vendor whose roles are unknown, needs a human check.
# custom:
#   id: VEN-010
#   severity: block
#   title_sv: Ingen försäljning av interaktioner och inga bottar
#   description_sv: >-
#     En leverantör får inte sälja följare, gillamarkeringar eller andra interaktioner, och inte heller
#     erbjuda bottar eller annan automatisering som blåser upp antalet interaktioner: en säljare av
#     interaktioner underkänns på sin roll, andra leverantörer på sin egen uppgift. En leverantör av medieköp,
#     annonsnätverk, konsulttjänster, influerarnätverk eller automatisering som inte har uppgett om den
#     erbjuder någon av tjänsterna, eller en leverantör med okända roller, kräver en manuell kontroll.
#   sources:
#     - seed: S08
#     - seed: S09
#   remediation:
#     en: Do not contract the vendor, or get a written declaration that it sells no engagement and runs no bots for the party.
#     sv: Anlita inte leverantören, eller begär en skriftlig försäkran om att den inte säljer interaktioner och inte kör bottar åt partiet.
#   messages:
#     engagement_seller_role:
#       en: "The vendor's role is engagement_seller: the party does not buy followers or interactions."
#       sv: "Leverantörens roll är engagement_seller: partiet köper inte följare eller interaktioner."
#     sells_engagement:
#       en: "The vendor declares that it sells followers, likes or other engagement: the party does not buy followers or interactions."
#       sv: "Leverantören uppger att den säljer följare, gillamarkeringar eller andra interaktioner: partiet köper inte följare eller interaktioner."
#     bot_engagement:
#       en: "The vendor declares that it offers bots or automated engagement: the party uses no technology that inflates its interactions."
#       sv: "Leverantören uppger att den erbjuder bottar eller automatiserade interaktioner: partiet använder ingen teknik som blåser upp antalet interaktioner."
#     sells_engagement_unknown:
#       en: "The vendor has the roles {roles} but has not declared whether it sells followers or engagement."
#       sv: "Leverantören har rollerna {roles} men har inte uppgett om den säljer följare eller interaktioner."
#     bot_engagement_unknown:
#       en: "The vendor has the roles {roles} but has not declared whether it offers bots or automated engagement."
#       sv: "Leverantören har rollerna {roles} men har inte uppgett om den erbjuder bottar eller automatiserade interaktioner."
#     roles_unknown:
#       en: "The vendor's roles are missing or unknown and it has not declared {service}, so it cannot be cleared of selling engagement or running bots."
#       sv: "Leverantörens roller saknas eller är okända och den har inte lämnat uppgift om {service}, så det går inte att utesluta att den säljer interaktioner eller kör bottar."
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-010")
}

# METADATA
# title: No app-developer, quiz, broker or voter-file data
# description: >-
#   A vendor must not supply data bought from app developers or quiz apps, broker data or voter files. The
#   catalog fails an app developer or data broker that supplies a data source used by an audience; a vendor
#   document does not see which audiences use which sources (the graph runs from audiences to sources to
#   vendors, never back), so here the role alone decides, read fail-closed: under the party's code an app
#   developer or data broker is not contracted for data, so the role fails, and a vendor contracted for
#   something else (building an app, say) needs that recorded as a waiver. A vendor that declares it buys
#   app or quiz data or uses voter files fails too. Unknown roles, or an undeclared service for a data,
#   analytics, survey, consultancy or media vendor, need a human check.
# custom:
#   id: VEN-011
#   severity: block
#   title_sv: Ingen data från apputvecklare, quizappar, datamäklare eller röstlängder
#   description_sv: >-
#     En leverantör får inte leverera data som köpts in från apputvecklare eller quizappar, data från
#     datamäklare eller röstlängder. Katalogen underkänner en apputvecklare eller datamäklare som levererar en
#     datakälla som används av en målgrupp; ett leverantörsdokument ser inte vilka målgrupper som använder
#     vilka källor (grafen går från målgrupper till källor till leverantörer, aldrig bakåt), så här avgör
#     rollen ensam, tolkat så försiktigt som möjligt: enligt partiets regler anlitas inte en apputvecklare
#     eller datamäklare för data, så rollen underkänns, och en leverantör som anlitas för något annat (till
#     exempel för att bygga en app) kräver ett dokumenterat undantag. En leverantör som uppger att den köper
#     data från appar eller quizappar eller använder röstlängder underkänns också. Okända roller, eller en
#     tjänst som inte har redovisats av en leverantör av data, analys, undersökningspaneler, konsulttjänster
#     eller medieköp, kräver en manuell kontroll.
#   sources:
#     - seed: S15
#     - regulation: Meta Platform Terms (Platform Data must not be sold, licensed or purchased)
#   remediation:
#     en: Do not use the vendor's data; if the vendor is contracted for something other than data, record that as a waiver.
#     sv: Använd inte leverantörens data; om leverantören anlitas för något annat än data, dokumentera det som ett undantag.
#   messages:
#     data_supplier_role:
#       en: "The vendor's role is {role}: the party does not use data from app developers or data brokers."
#       sv: "Leverantörens roll är {role}: partiet använder inte data från apputvecklare eller datamäklare."
#     buys_app_data:
#       en: "The vendor declares that it buys or uses data from app developers or quiz apps."
#       sv: "Leverantören uppger att den köper in eller använder data från apputvecklare eller quizappar."
#     voter_files:
#       en: "The vendor declares that it uses voter files."
#       sv: "Leverantören uppger att den använder röstlängder."
#     buys_app_data_unknown:
#       en: "The vendor has the roles {roles} but has not declared whether it buys or uses data from app developers or quiz apps."
#       sv: "Leverantören har rollerna {roles} men har inte uppgett om den köper in eller använder data från apputvecklare eller quizappar."
#     voter_files_unknown:
#       en: "The vendor has the roles {roles} but has not declared whether it uses voter files."
#       sv: "Leverantören har rollerna {roles} men har inte uppgett om den använder röstlängder."
#     roles_unknown:
#       en: "The vendor's roles are missing or unknown, so it cannot be cleared of being an app developer or data broker."
#       sv: "Leverantörens roller saknas eller är okända, så det går inte att utesluta att den är en apputvecklare eller datamäklare."
#   non_waivable: true
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in _findings(_block, "VEN-011")
}

# METADATA
# title: Transfers outside the EEA have a legal mechanism
# description: >-
#   A vendor that transfers personal data outside the EEA must rely on a GDPR Chapter V mechanism: an
#   adequacy decision, the EU-US Data Privacy Framework, standard contractual clauses or binding corporate
#   rules. A transfer with no mechanism fails; whether the vendor transfers at all, when missing or unknown,
#   needs a human check. This goes beyond the seed's own wording, as part of following the GDPR.
# custom:
#   id: VEN-012
#   severity: block
#   title_sv: Överföringar utanför EES har en rättslig grund
#   description_sv: >-
#     En leverantör som för över personuppgifter till länder utanför EES måste stödja sig på en mekanism i
#     GDPR kapitel V: ett beslut om adekvat skyddsnivå, EU–US Data Privacy Framework, standardavtalsklausuler
#     eller bindande företagsbestämmelser. En överföring utan mekanism underkänns; om det saknas uppgift om
#     leverantören alls för över uppgifter krävs en manuell kontroll. Regeln går längre än den ursprungliga
#     texten, som en del av att följa GDPR.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 44
#     - regulation: GDPR Art. 46
#   remediation:
#     en: Rely on an adequacy decision, the Data Privacy Framework, standard contractual clauses or binding corporate rules, or keep the data in the EEA.
#     sv: Stöd överföringen på ett beslut om adekvat skyddsnivå, Data Privacy Framework, standardavtalsklausuler eller bindande företagsbestämmelser, eller behåll uppgifterna inom EES.
#   messages:
#     no_transfer_mechanism:
#       en: "The vendor transfers personal data outside the EEA without a transfer mechanism (GDPR Chapter V)."
#       sv: "Leverantören för över personuppgifter till länder utanför EES utan någon överföringsmekanism (GDPR kapitel V)."
#     transfers_unknown:
#       en: "Whether the vendor transfers personal data outside the EEA is missing or unknown."
#       sv: "Det saknas uppgift om leverantören för över personuppgifter till länder utanför EES."
#   non_waivable: false
#   effective_from: "2018-05-25"
deny contains finding if {
	some finding in _findings(_block, "VEN-012")
}
