# Campaigns: the gate on the vendors and data sources a campaign uses, the elections it is about, and the
# evidence behind what it asserts. The logic lives in ethiq.lib.campaigns.
package ethiq.rules.campaign

import data.ethiq.lib.campaigns
import data.ethiq.lib.ttpa

_campaign := input.document

_related := object.get(input, "related", {})

_names := object.get(input, "names", {})

_as_of := object.get(input, "as_of", "")

# A reason becomes a finding; the severity key of a mixed rule's reason has chosen its set already.
_finding(r) := {"rule": r.rule, "status": r.status, "path": r.path, "message": r.message, "params": r.params}

# METADATA
# title: Vendor and data gate
# description: >-
#   A campaign may only use vendors and data sources that pass every blocking rule of their own kind: each
#   member of vendor_ids and data_source_ids is judged by the vendor rules (VEN-*) or the data-source rules
#   (DAT-*), with everything related to it. A member that fails a blocking rule fails the campaign; one that
#   cannot be checked, or that is not among the documents checked, needs a human check.
# custom:
#   id: CMP-004
#   severity: block
#   title_sv: Spärr för leverantörer och data
#   description_sv: >-
#     En kampanj får bara använda leverantörer och datakällor som klarar alla blockerande regler för sitt
#     slag: varje post i vendor_ids och data_source_ids bedöms enligt leverantörsreglerna (VEN-*) eller
#     reglerna för datakällor (DAT-*), tillsammans med allt som hör till den. En post som bryter mot en
#     blockerande regel underkänner kampanjen; en post som inte går att kontrollera, eller som inte finns
#     bland de granskade dokumenten, kräver en manuell kontroll.
#   sources:
#     - seed: S11
#     - seed: S12
#     - seed: S13
#     - seed: S14
#     - seed: S15
#     - seed: S17
#   remediation:
#     en: Fix the vendor or data source until it passes its own rules, or remove it from the campaign and replace it.
#     sv: Åtgärda leverantören eller datakällan tills den klarar sina egna regler, eller ta bort den ur kampanjen och ersätt den.
#   messages:
#     vendor_blocked:
#       en: "The campaign uses the vendor {member} (chain: {chain}), which fails blocking rules: {rules}."
#       sv: "Kampanjen använder leverantören {member} (kedja: {chain}), som bryter mot blockerande regler: {rules}."
#     vendor_unchecked:
#       en: "The campaign uses the vendor {member} (chain: {chain}), which cannot be cleared by blocking rules: {rules}."
#       sv: "Kampanjen använder leverantören {member} (kedja: {chain}), som inte kan godkännas enligt blockerande regler: {rules}."
#     source_blocked:
#       en: "The campaign uses the data source {member} (chain: {chain}), which fails blocking rules: {rules}."
#       sv: "Kampanjen använder datakällan {member} (kedja: {chain}), som bryter mot blockerande regler: {rules}."
#     source_unchecked:
#       en: "The campaign uses the data source {member} (chain: {chain}), which cannot be cleared by blocking rules: {rules}."
#       sv: "Kampanjen använder datakällan {member} (kedja: {chain}), som inte kan godkännas enligt blockerande regler: {rules}."
#     unresolved:
#       en: "The campaign names {member} (chain: {chain}), which is not among the documents checked, so it cannot be cleared."
#       sv: "Kampanjen anger {member} (kedja: {chain}), som inte finns bland de granskade dokumenten, så den kan inte godkännas."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in campaigns.cmp004(input)
}

# METADATA
# title: Election context is declared
# description: >-
#   A political campaign (one that names an election, uses paid social, search, display or video with the
#   party as sponsor, or holds an ad declared political) must name the elections it is about, and the policy
#   context must know each one with its date and voting age: the age-floor and third-country rules are
#   measured against them. When a campaign names no election and whether it is political cannot be told
#   (channels missing, a paid channel with an unknown sponsor, an ad of unknown classification), it needs a
#   human check.
# custom:
#   id: CMP-006
#   severity: block
#   title_sv: Valsammanhanget är angivet
#   description_sv: >-
#     En politisk kampanj (en som anger ett val, använder betald annonsering i sociala medier, sök, display
#     eller video med partiet som sponsor, eller innehåller en annons som angetts som politisk) måste ange
#     vilka val den gäller, och policykontexten måste känna till varje val med datum och rösträttsålder:
#     reglerna om åldersgräns och om betalare från tredjeland mäts mot dem. När en kampanj inte anger något
#     val och det inte går att avgöra om den är politisk (kanaler saknas, en betald kanal med okänd sponsor,
#     en annons med okänd klassificering) kräver den en manuell kontroll.
#   sources:
#     - seed: S00
#     - regulation: TTPA Art. 18(2)
#       note: The age floor is measured against the election's voting age (AUD-006).
#     - regulation: TTPA Art. 5(2)
#       note: The three months before an election bar third-country sponsors (AD-013).
#   verification: "TTPA Art. 18(2): the wording is from memory [M]; Art. 5(2)'s three-month window is from secondary sources [S]."
#   remediation:
#     en: Name the campaign's elections in election_ids, and add each election, with its date and voting age, to the policy context.
#     sv: Ange kampanjens val i election_ids, och lägg till varje val med datum och rösträttsålder i policykontexten.
#   messages:
#     no_elections:
#       en: "The campaign is political but names no election in election_ids."
#       sv: "Kampanjen är politisk men anger inget val i election_ids."
#     election_unknown:
#       en: "The election {election} is not in the policy context."
#       sv: "Valet {election} finns inte i policykontexten."
#     voting_age_missing:
#       en: "The election {election} has no voting age in the policy context."
#       sv: "Valet {election} saknar rösträttsålder i policykontexten."
#     date_missing:
#       en: "The election {election} has no date in the policy context."
#       sv: "Valet {election} saknar datum i policykontexten."
#     channels_unknown:
#       en: "The campaign names no election and no channels, so whether it is political cannot be told."
#       sv: "Kampanjen anger varken val eller kanaler, så det går inte att avgöra om den är politisk."
#     sponsor_unknown:
#       en: "The campaign uses a paid channel and names no election, and its sponsor is missing or was not normalised, so whether it is political cannot be told."
#       sv: "Kampanjen använder en betald kanal och anger inget val, och dess sponsor saknas eller har inte normaliserats, så det går inte att avgöra om den är politisk."
#     ad_political_unknown:
#       en: "The campaign names no election, and its ad {ad} is not declared political or non-political, so whether the campaign is political cannot be told."
#       sv: "Kampanjen anger inget val, och dess annons {ad} är inte angiven som politisk eller opolitisk, så det går inte att avgöra om kampanjen är politisk."
#   effective_from: "2018-03-22"
deny contains finding if {
	some finding in campaigns.cmp006(_campaign, _related, _names)
}

# METADATA
# title: Accountability evidence
# description: >-
#   What the campaign asserts, someone must be able to show. Each asserted duty needs an evidence entry: the
#   sponsor's declaration (ttpa.sponsor_declaration_ref), the targeting records (ttpa.records_ref) and the
#   published internal targeting policy (ttpa.internal_policy_url) need an entry whose ref is that reference;
#   the risk assessment (ttpa.risk_assessment) needs one whose ref is its URL, or a memo, file or
#   attestation dated the day of the assessment.
# custom:
#   id: CMP-007
#   severity: warn
#   title_sv: Bevis för ansvarsskyldigheten
#   description_sv: >-
#     Det kampanjen påstår måste någon kunna visa. Varje påstådd skyldighet behöver en post i evidence:
#     sponsorns försäkran (ttpa.sponsor_declaration_ref), registren över riktad annonsering (ttpa.records_ref)
#     och den publicerade interna policyn för riktad annonsering (ttpa.internal_policy_url) behöver en post
#     vars ref är den referensen; riskbedömningen (ttpa.risk_assessment) behöver en post vars ref är dess
#     URL, eller en promemoria, en fil eller ett intyg från samma dag som bedömningen.
#   sources:
#     - regulation: GDPR Art. 5(2)
#       note: "Accountability: the controller must be able to demonstrate compliance."
#     - regulation: TTPA Art. 19(1)
#       note: The internal policy, the records and the risk assessment the campaign asserts.
#   verification: "TTPA Art. 19: the substance is from secondary sources [S]; the point letters, including the risk assessment's, are from memory [M]."
#   remediation:
#     en: Attach the documents as evidence entries whose ref is the asserted reference (or, for a risk assessment without a URL, a memo dated the day of the assessment).
#     sv: Bifoga dokumenten som poster i evidence vars ref är den angivna referensen (eller, för en riskbedömning utan URL, en promemoria daterad samma dag som bedömningen).
#   messages:
#     evidence_missing:
#       en: "{field} is asserted, but no evidence entry backs it."
#       sv: "{field} är angivet, men ingen post i evidence styrker det."
#   effective_from: "2018-05-25"
warn contains finding if {
	some finding in campaigns.cmp007(_campaign)
}

# --- the TTPA pack (Reg. (EU) 2024/900): ethiq.lib.ttpa --------------------------------------------------

# METADATA
# title: Published internal targeting policy
# description: >-
#   A campaign that targets political ads with personal data (a political ad of the campaign runs on an
#   audience that uses personal data, or a political audience of the campaign uses it) must have adopted and
#   published an internal policy on targeting and ad delivery (ttpa.internal_policy_url), before its first
#   political ad starts (ttpa.internal_policy_published_at, compared by day). A missing policy or one
#   published after that start fails; a missing publication date needs a human check. When an ad or
#   audience of the campaign cannot be told (not among the documents checked, or of unknown political use),
#   a missing or late policy needs a human check.
# custom:
#   id: CMP-001
#   severity: block
#   title_sv: Publicerad intern policy för målgruppsinriktning
#   description_sv: >-
#     En kampanj som riktar politiska annonser med personuppgifter (en politisk annons i kampanjen visas för
#     en målgrupp som använder personuppgifter, eller en politisk målgrupp i kampanjen använder dem) måste ha
#     antagit och publicerat en intern policy för målgruppsinriktning och annonsleverans
#     (ttpa.internal_policy_url), innan kampanjens första politiska annons startar
#     (ttpa.internal_policy_published_at, jämfört per dag). En policy som saknas eller publicerades efter den
#     starten underkänns; ett publiceringsdatum som saknas kräver en manuell kontroll. När en annons eller
#     målgrupp i kampanjen inte går att bedöma (den finns inte bland de granskade dokumenten, eller det är
#     okänt om den används politiskt) kräver en policy som saknas eller kom för sent en manuell kontroll.
#   sources:
#     - regulation: TTPA Art. 19(1)(a)
#       note: "Controllers using targeting or ad-delivery techniques adopt, implement and publish an internal policy on their use, in clear and plain language, and keep it for seven years (Reg. (EU) 2024/900)."
#   verification: "TTPA Art. 19: the substance is from secondary sources [S]; the point letters are from memory [M]."
#   remediation:
#     en: Publish the internal targeting policy before the first political ad starts, record its URL and date in ttpa, and keep it for 7 years.
#     sv: Publicera den interna policyn för målgruppsinriktning innan den första politiska annonsen startar, ange dess URL och datum i ttpa, och spara den i 7 år.
#   messages:
#     policy_missing:
#       en: "The campaign targets political ads with personal data and names no published internal targeting policy (ttpa.internal_policy_url)."
#       sv: "Kampanjen riktar politiska annonser med personuppgifter och anger ingen publicerad intern policy för målgruppsinriktning (ttpa.internal_policy_url)."
#     published_unknown:
#       en: "The campaign does not say when its internal targeting policy was published (ttpa.internal_policy_published_at)."
#       sv: "Kampanjen anger inte när dess interna policy för målgruppsinriktning publicerades (ttpa.internal_policy_published_at)."
#     published_late:
#       en: "The internal targeting policy was published {published}, after the campaign's first political ad started ({start})."
#       sv: "Den interna policyn för målgruppsinriktning publicerades {published}, efter att kampanjens första politiska annons startade ({start})."
#     targeting_unknown:
#       en: "Whether the campaign targets political ads with personal data cannot be told from its ads and audiences, and if it does it would not pass this rule (at {fields})."
#       sv: "Det går inte att avgöra utifrån kampanjens annonser och målgrupper om den riktar politiska annonser med personuppgifter, och om den gör det skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some r in ttpa.cmp001(_campaign, _related)
	finding := _finding(r)
}

# METADATA
# title: Records of targeting
# description: >-
#   A campaign that targets political ads with personal data keeps records of the techniques, the
#   parameters and the sources of the personal data (ttpa.records_ref). Without them it fails; its scope is
#   CMP-001's (a campaign that cannot be told needs a human check when it keeps no records). Decision: the
#   catalog states no scope; the records are an Art. 19 duty of targeting, so a campaign without political
#   targeting is not held to it.
# custom:
#   id: CMP-002
#   severity: block
#   title_sv: Register över målgruppsinriktning
#   description_sv: >-
#     En kampanj som riktar politiska annonser med personuppgifter för register över teknikerna, parametrarna
#     och personuppgifternas källor (ttpa.records_ref). Utan dem underkänns den; omfattningen är densamma
#     som för CMP-001 (en kampanj som inte går att bedöma kräver en manuell kontroll när den inte för
#     register). Beslut: katalogen anger ingen omfattning; registren är en skyldighet enligt art. 19 vid
#     målgruppsinriktning, så en kampanj utan politisk målgruppsinriktning omfattas inte.
#   sources:
#     - regulation: TTPA Art. 19(1)(b)
#       note: "Controllers keep records of their use of targeting or ad-delivery techniques, the mechanisms and parameters, and the sources of the personal data (Reg. (EU) 2024/900)."
#     - regulation: GDPR Art. 30
#       note: Records of processing activities.
#   verification: "TTPA Art. 19: the substance is from secondary sources [S]; the point letters are from memory [M]. GDPR Art. 30 is from memory [M]."
#   remediation:
#     en: Keep the targeting records (a snapshot of each audience's native_spec and its data-source ids) and name them in ttpa.records_ref.
#     sv: För register över målgruppsinriktningen (en ögonblicksbild av varje målgrupps native_spec och dess datakällor) och ange dem i ttpa.records_ref.
#   messages:
#     records_missing:
#       en: "The campaign targets political ads with personal data and names no targeting records (ttpa.records_ref)."
#       sv: "Kampanjen riktar politiska annonser med personuppgifter och anger inga register över målgruppsinriktningen (ttpa.records_ref)."
#     targeting_unknown:
#       en: "Whether the campaign targets political ads with personal data cannot be told from its ads and audiences, and if it does it would not pass this rule (at {fields})."
#       sv: "Det går inte att avgöra utifrån kampanjens annonser och målgrupper om den riktar politiska annonser med personuppgifter, och om den gör det skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some r in ttpa.cmp002(_campaign, _related)
	finding := _finding(r)
}

# METADATA
# title: Annual risk assessment
# description: >-
#   A campaign that targets political ads with personal data rests on a yearly assessment of the risks of
#   its targeting techniques to fundamental rights (ttpa.risk_assessment.date). A missing assessment blocks;
#   one older than thresholds.risk_assessment_max_age_days (365) before the evaluation date warns. The scope
#   is CMP-001's.
# custom:
#   id: CMP-003
#   severity: [block, warn]
#   title_sv: Årlig riskbedömning
#   description_sv: >-
#     En kampanj som riktar politiska annonser med personuppgifter vilar på en årlig bedömning av riskerna med
#     dess tekniker för målgruppsinriktning för de grundläggande rättigheterna (ttpa.risk_assessment.date). En
#     bedömning som saknas stoppar kampanjen; en som är äldre än thresholds.risk_assessment_max_age_days (365)
#     före bedömningsdagen ger en varning. Omfattningen är densamma som för CMP-001.
#   sources:
#     - regulation: TTPA Art. 19(1)(e)
#       note: "Controllers carry out a yearly internal assessment of the risks of their targeting and ad-delivery techniques to fundamental rights and freedoms (Reg. (EU) 2024/900)."
#   verification: "TTPA Art. 19: the yearly risk assessment is from secondary sources [S]; its point letter is from memory [M]."
#   remediation:
#     en: Carry out the risk assessment, at least once a year, and record its date in ttpa.risk_assessment.
#     sv: Genomför riskbedömningen, minst en gång om året, och ange dess datum i ttpa.risk_assessment.
#   messages:
#     assessment_missing:
#       en: "The campaign targets political ads with personal data and has no dated risk assessment (ttpa.risk_assessment.date)."
#       sv: "Kampanjen riktar politiska annonser med personuppgifter och saknar en daterad riskbedömning (ttpa.risk_assessment.date)."
#     assessment_stale:
#       en: "The risk assessment of {date} is {days} days old on {as_of}, more than {max_days}: it is due again."
#       sv: "Riskbedömningen från {date} är {days} dagar gammal {as_of}, mer än {max_days}: den ska göras om."
#     targeting_unknown:
#       en: "Whether the campaign targets political ads with personal data cannot be told from its ads and audiences, and if it does it would not pass this rule (at {fields})."
#       sv: "Det går inte att avgöra utifrån kampanjens annonser och målgrupper om den riktar politiska annonser med personuppgifter, och om den gör det skulle den inte klara regeln (vid {fields})."
#   effective_from: "2025-10-10"
deny contains finding if {
	some r in ttpa.cmp003(_campaign, _related, _as_of)
	r.severity == "block"
	finding := _finding(r)
}

warn contains finding if {
	some r in ttpa.cmp003(_campaign, _related, _as_of)
	r.severity == "warn"
	finding := _finding(r)
}

# METADATA
# title: Members and newsletter exemption scoping
# description: >-
#   A party's own mailings to members, former members and subscribers (channels email_newsletter,
#   member_mailing, sms) are outside TTPA's targeting conditions only while every source of the campaign
#   covers members, former members or subscribers, was collected by the party, is not uploaded to a platform
#   and carries no segments, and no audience of the campaign selects recipients by criteria. Then nothing is
#   reported. A source about anyone else (SMS or e-mail to non-members) warns; each other lost condition is
#   advisory: TTPA applies in full, and the data-source and audience rules judge the mailing. A source that
#   is not among the documents checked, or whose scope is unknown, needs a sign-off. The mailing's sources are
#   the lists of people among the campaign's sources: an aggregate, or the platform-side data of its paid
#   channels (engagement, pixel, the platform's taxonomy), holds nobody to mail; its audiences are those on
#   e-mail or SMS. Decision: the catalog says "every source"; in a campaign that also runs paid ads, the
#   paid channels' data is judged by the TTPA rules in full, not as part of the mailing.
# custom:
#   id: CMP-005
#   severity: [warn, info]
#   title_sv: Avgränsning av undantaget för medlemmar och nyhetsbrev
#   description_sv: >-
#     Partiets egna utskick till medlemmar, tidigare medlemmar och prenumeranter (kanalerna email_newsletter,
#     member_mailing, sms) omfattas inte av TTPA:s villkor för målgruppsinriktning så länge varje källa i
#     kampanjen gäller medlemmar, tidigare medlemmar eller prenumeranter, har samlats in av partiet, inte
#     laddas upp till en plattform och inte har några segment, och ingen målgrupp i kampanjen väljer
#     mottagare efter kriterier. Då rapporteras ingenting. En källa om andra personer (sms eller e-post till
#     icke-medlemmar) ger en varning; varje annat villkor som inte uppfylls ger ett råd: TTPA gäller fullt
#     ut, och reglerna för datakällor och målgrupper bedömer utskicket. En källa som inte finns bland de
#     granskade dokumenten, eller vars omfattning är okänd, kräver ett godkännande. Utskickets källor är de
#     personlistor som finns bland kampanjens källor: ett aggregat, eller plattformsdata för de betalda
#     kanalerna (engagemang, pixel, plattformens taxonomi), innehåller ingen att skicka till; dess målgrupper
#     är de för e-post och sms. Beslut: katalogen säger "varje källa"; i en kampanj som också har betalda
#     annonser bedöms de betalda kanalernas data fullt ut av TTPA-reglerna, inte som en del av utskicket.
#   sources:
#     - regulation: TTPA Art. 18 (members and newsletter exemption)
#       note: "The targeting conditions do not apply to communications by parties to their members, former members and subscribers, based solely on subscription data, without further processing for targeting or selecting recipients (Reg. (EU) 2024/900)."
#     - regulation: GDPR Art. 9(2)(d)
#       note: A party may process its members' data without disclosure outside the body.
#     - regulation: IMY decisions of 22 October 2025
#       note: The room for political SMS and e-mail to people who are not members or have not shown a clear interest is very limited.
#   verification: "The members exemption's paragraph number (18(3) or 18(4)) is from memory [M]; its substance is from secondary sources [S]. The IMY decisions are verified [V]."
#   remediation:
#     en: Restrict the mailing to members and subscribers, from the party's own lists, without segmentation or platform upload; otherwise meet every TTPA targeting condition.
#     sv: Begränsa utskicket till medlemmar och prenumeranter, från partiets egna listor, utan segmentering eller uppladdning till en plattform; uppfyll annars alla TTPA:s villkor för målgruppsinriktning.
#   messages:
#     sources_missing:
#       en: "The campaign mails members or subscribers but names no data source, so whom it reaches cannot be told."
#       sv: "Kampanjen gör utskick till medlemmar eller prenumeranter men anger ingen datakälla, så det går inte att avgöra vilka den når."
#     source_unknown:
#       en: "The data source {source} is not among the documents checked, so the members exemption cannot be confirmed."
#       sv: "Datakällan {source} finns inte bland de granskade dokumenten, så undantaget för medlemmar kan inte bekräftas."
#     scope_unknown:
#       en: "The data source {source} does not say whom it is about (subject_scope), so the members exemption cannot be confirmed."
#       sv: "Datakällan {source} anger inte vilka den gäller (subject_scope), så undantaget för medlemmar kan inte bekräftas."
#     non_members:
#       en: "The mailing uses {source}, about {scope}: SMS or e-mail to people who are not members or subscribers is not exempt."
#       sv: "Utskicket använder {source}, som gäller {scope}: sms eller e-post till personer som inte är medlemmar eller prenumeranter omfattas inte av undantaget."
#     collector_unknown:
#       en: "The data source {source} does not say who collected it, so the members exemption cannot be confirmed."
#       sv: "Datakällan {source} anger inte vem som samlade in den, så undantaget för medlemmar kan inte bekräftas."
#     not_collected_by_party:
#       en: "The data source {source} was collected by {collector}, not by the party: the members exemption does not apply, and TTPA applies in full."
#       sv: "Datakällan {source} samlades in av {collector}, inte av partiet: undantaget för medlemmar gäller inte, och TTPA gäller fullt ut."
#     platform_upload:
#       en: "The data source {source} is uploaded to an ad platform: that is further processing for targeting, so the members exemption does not apply."
#       sv: "Datakällan {source} laddas upp till en annonsplattform: det är vidare behandling för målgruppsinriktning, så undantaget för medlemmar gäller inte."
#     source_segments:
#       en: "The data source {source} carries segments: selecting recipients beyond the subscription loses the members exemption."
#       sv: "Datakällan {source} har segment: att välja mottagare utöver prenumerationen gör att undantaget för medlemmar inte gäller."
#     selection:
#       en: "The audience {audience} selects recipients by criteria beyond the subscription, so the members exemption does not apply."
#       sv: "Målgruppen {audience} väljer mottagare efter kriterier utöver prenumerationen, så undantaget för medlemmar gäller inte."
#   effective_from: "2025-10-10"
warn contains finding if {
	some r in ttpa.cmp005(_campaign, _related)
	r.severity == "warn"
	finding := _finding(r)
}

info contains finding if {
	some r in ttpa.cmp005(_campaign, _related)
	r.severity == "info"
	finding := _finding(r)
}
