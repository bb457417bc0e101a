# Campaigns: the gate on the vendors and data sources a campaign uses, the elections it is about, and the
# evidence behind what it asserts. The logic lives in ethiq.lib.campaigns.
package ethiq.rules.campaign

import data.ethiq.lib.campaigns

_campaign := input.document

_related := object.get(input, "related", {})

_names := object.get(input, "names", {})

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
