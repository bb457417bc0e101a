"""Evaluation of the policy set on a Rego engine."""
