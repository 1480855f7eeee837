"""Generate the bundled synthetic sample documents into ``samples/`` (deterministic).

Run from the repo root: ``.venv/bin/python scripts/make_samples.py``.

Every person, number and place below is invented. Each identifier goes through
``Registry`` on its way into a document, so ``tests/fixtures/sample_pii.json`` lists every PII
string exactly as it appears (full names and each name part, upper-case caption
forms, phones, emails, SSNs, MRNs, addresses, dates). ``KEEP`` lists look-alikes
that must stay readable after redaction (doses, lab values, ICD-10 codes, statute
citations); the generator checks they are all used. Only documents
go into ``samples/`` (the pipeline ingests that directory as an inbox).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples"  # an inbox: legal/ and medical/ subfolders set the document kind
PII_LIST = ROOT / "tests" / "fixtures" / "sample_pii.json"  # never inside the inbox
KIND = {
    "complaint": "legal",
    "deposition": "legal",
    "engagement": "legal",
    "discharge": "medical",
    "progress": "medical",
    "lab": "medical",
}
CREATED = datetime(2024, 1, 2, 9, 0, tzinfo=UTC)


class Registry:
    """Records each PII string as it is written into a document."""

    def __init__(self) -> None:
        self.values: list[str] = []

    def __call__(self, value: str) -> str:
        if value not in self.values:
            self.values.append(value)
        return value

    def name(self, full: str) -> str:
        """A person's full name; each part of it is PII too."""
        for part in full.split():
            self(part)
        return self(full)

    def upper(self, full: str) -> str:
        """The upper-case caption form of a name (and of each part)."""
        return self.name(full.upper())


P = Registry()

KEEP = [
    "Metformin 500 mg", "Lisinopril 10 mg", "Atorvastatin 40 mg", "Ceftriaxone 1 g IV",
    "Furosemide 20 mg", "HbA1c 7.2%", "Potassium 4.1 mmol/L", "Creatinine 1.3 mg/dL",
    "WBC 11.2 x10^3/uL", "INR 1.1", "TSH 2.35 mIU/L", "E11.9", "J18.9", "I10", "N17.9",
    "42 U.S.C. Section 1983", "Fed. R. Civ. P. 30(b)(6)", "M.G.L. c. 93A, Section 9",
    "29 U.S.C. Section 2601", "BP 142/88", "SpO2 94%", "S62.101A", "Ibuprofen 600 mg",
]  # fmt: skip


def discharge_summary() -> str:
    return f"""DISCHARGE SUMMARY
Riverside Community Hospital - Internal Medicine

Patient: {P.name("Marisol Quintero")}    MRN: {P("00482913")}    DOB: {P("07/22/1958")}
Admitted: {P("03/02/2024")}    Discharged: {P("03/06/2024")}
Attending: Dr. {P.name("Oluwaseun Adeyemi")}, MD
Address: {P("1847 Larkspur Lane")}, {P("Apt 3B")}, {P("Quincy")}, MA {P("02169")}
Phone: {P("(617) 555-0142")}    Email: {P("marisol.quintero58@example.com")}
SSN on file: {P("523-41-8876")}
Emergency contact: {P.name("Rafael Quintero")} (son), {P("(617) 555-0187")}

Principal diagnosis: community-acquired pneumonia (ICD-10 J18.9).
Secondary: type 2 diabetes mellitus (E11.9), essential hypertension (I10),
acute kidney injury (N17.9), resolved.

Hospital course: Ms. {P("Quintero")} presented with fever, productive cough and
SpO2 94% on room air. Chest X-ray showed right lower lobe consolidation. She was
started on Ceftriaxone 1 g IV daily. Creatinine 1.3 mg/dL on admission improved
with fluids. HbA1c 7.2%. WBC 11.2 x10^3/uL trending down. BP 142/88 at discharge.

Discharge medications:
- Metformin 500 mg twice daily
- Lisinopril 10 mg daily (hold if systolic below 100)
- Atorvastatin 40 mg at bedtime

Follow-up: Dr. {P.name("Priyanka Raghunathan")} (primary care) on {P("03/13/2024")}.
Repeat basic metabolic panel in one week; Potassium 4.1 mmol/L at discharge.

Electronically signed: {P("Oluwaseun Adeyemi")}, MD, {P("03/06/2024")}
"""


def progress_note() -> str:
    return f"""PROGRESS NOTE - Cardiology Clinic

Patient: {P.name("Thanh Huong Nguyen")}    DOB: {P("11/03/1971")}    MRN: {P("7730418")}
Visit date: {P("04/18/2024")}    Provider: {P.name("Dmitri Volkonsky")}, NP
Contact: {P("(508) 555-0199")}, {P("huong.nguyen71@example.org")}
Home: {P("52 Willowbrook Road")}, {P("Framingham")}, MA {P("01701")}

S: Mrs. {P("Nguyen")} reports exertional dyspnea after two flights of stairs.
No chest pain. Adherent to Furosemide 20 mg daily and Lisinopril 10 mg daily.

O: BP 142/88, HR 78, SpO2 94%. Trace bilateral ankle edema.
Labs: Creatinine 1.3 mg/dL, Potassium 4.1 mmol/L, TSH 2.35 mIU/L, INR 1.1.

A: Heart failure with preserved ejection fraction, compensated.
Hypertension (I10), suboptimally controlled.

P: Continue current regimen. Echo ordered. Return in 6 weeks.
Discussed with daughter {P.name("Linh Nguyen")} by phone at {P("(508) 555-0123")}.
"""


def lab_report() -> str:
    return f"""LABORATORY REPORT
Harborview Clinical Laboratory

Patient: {P.name("Siobhan O'Callaghan")}    Sex: F    DOB: {P("02/14/1986")}
MRN: {P("H5531072")}    Collected: {P("05/09/2024")} 07:45    Reported: {P("05/09/2024")}
Ordering physician: Dr. {P.name("Oluwaseun Adeyemi")}

Test                      Result        Reference
HbA1c                     7.2 %         4.0 - 5.6
Glucose, fasting          131 mg/dL     70 - 99
Creatinine                1.3 mg/dL     0.6 - 1.1
Potassium                 4.1 mmol/L    3.5 - 5.1
TSH                       2.35 mIU/L    0.4 - 4.0
INR                       1.1           0.9 - 1.2
WBC                       11.2 x10^3/uL 4.0 - 11.0

Summary: HbA1c 7.2%. Potassium 4.1 mmol/L. Creatinine 1.3 mg/dL (flagged high).
Comment: consistent with E11.9. Call results to patient at {P("(781) 555-0176")}.
Verified by: {P.name("Anneliese Hoffmann")}, MLS(ASCP)
"""


def engagement_letter() -> str:
    return f"""Harcourt & Bell LLP
200 Federal Street, Boston, MA 02110

{P("January 8, 2024")}

PRIVILEGED AND CONFIDENTIAL

Mr. {P.name("Kenji Watanabe")}
{P("88 Chestnut Hill Avenue")}
{P("Brookline")}, MA {P("02445")}
Email: {P("kenji.watanabe@example.net")}

Re: Engagement for employment matter

Dear Mr. {P("Watanabe")}:

Thank you for selecting our firm to represent you in connection with your claims
against your former employer under the Family and Medical Leave Act,
29 U.S.C. Section 2601 et seq., and M.G.L. c. 93A, Section 9. This letter sets out
the scope of our engagement and our fees.

Scope. We will investigate your claims, prepare a demand, and if authorized file a
complaint. Attorney {P.name("Rebecca Lindqvist")} will be responsible for the matter.

Fees. Our hourly rates are $450 for partners and $275 for associates. We will
apply the retainer of $5,000 against the first invoices.

Please confirm your date of birth ({P("09/30/1979")}) and social security number
({P("318-62-4407")}) for our conflicts and billing records, sign below and return
this letter. You may reach me directly at {P("(617) 555-0110")}.

Very truly yours,
/s/ {P("Rebecca Lindqvist")}
"""


def complaint_excerpt() -> str:
    return f"""UNITED STATES DISTRICT COURT
DISTRICT OF MASSACHUSETTS

{P.upper("Fatima Al-Haddad")},
        Plaintiff,
    v.                                  Civil Action No. {P("1:24-cv-01187")}
{P.upper("Gareth Pemberton")},
        Defendant.

COMPLAINT AND JURY DEMAND

1. Plaintiff {P.name("Fatima Al-Haddad")} ("Plaintiff") resides at {P("14 Orchard Street")},
{P("Somerville")}, Massachusetts {P("02143")}.

2. Defendant {P.name("Gareth Pemberton")} is a police officer employed by the City and
is sued in his individual capacity under 42 U.S.C. Section 1983.

3. On {P("June 14, 2023")}, Defendant stopped Plaintiff's vehicle without
reasonable suspicion and detained her for ninety minutes.

4. Plaintiff was treated at the emergency department for a wrist injury
(ICD-10 S62.101A) and prescribed Ibuprofen 600 mg.

5. Plaintiff may be contacted through counsel, {P("Rebecca Lindqvist")},
{P("rlindqvist@example.com")}, {P("(617) 555-0110")}.
"""


def deposition_excerpt() -> str:
    return f"""DEPOSITION OF {P.upper("Gareth Pemberton")}
Taken {P("February 21, 2024")} pursuant to Fed. R. Civ. P. 30(b)(6)
Reported by {P.name("Tomasz Wiśniewski")}, RPR

BY MS. {P("LINDQVIST")}:
Q. Please state your full name for the record.
A. {P("Gareth Pemberton")}.
Q. And your date of birth?
A. {P("April 3, 1981")}.
Q. Officer {P("Pemberton")}, on {P("June 14, 2023")} you stopped a vehicle driven by
   Ms. {P("Al-Haddad")}, correct?
A. Yes.
Q. What was the basis for the stop?
A. The vehicle matched a description from dispatch.
Q. Did you write down her license number, {P("S48211937")}?
A. I did, in my report.
Q. Who else was present?
A. My partner, Officer {P.name("Chidi Okonkwo")}.
Q. You have reviewed 42 U.S.C. Section 1983 with counsel?
MR. {P.upper("Yusuf Demir")}: Objection. Privileged.
"""


TEXT_DOCS = {
    "discharge-summary-01.txt": discharge_summary,
    "complaint-excerpt-01.txt": complaint_excerpt,
    "deposition-excerpt-01.txt": deposition_excerpt,
}
PDF_DOCS = {  # file name -> (text builder, metadata person)
    "progress-note-01.pdf": (progress_note, "Thanh Huong Nguyen"),
    "lab-report-01.pdf": (lab_report, "Siobhan O'Callaghan"),
    "engagement-letter-01.pdf": (engagement_letter, "Kenji Watanabe"),
}


def write_pdf(path: Path, text: str, person: str) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(CREATED)
    pdf.set_title(P.name(person))
    pdf.set_author(P.name(person))
    pdf.set_margins(54, 54)
    pdf.set_auto_page_break(True, margin=54)
    pdf.add_page()
    pdf.set_font("Courier", size=10)
    pdf.multi_cell(0, 13, text)
    pdf.output(str(path))


def check(texts: dict[str, str]) -> None:
    corpus = "\n".join(texts.values())
    missing = [v for v in P.values if v not in corpus]
    kept = [k for k in KEEP if k not in corpus]
    if missing or kept:
        sys.exit(f"sample generator bug: {len(missing)} PII / {len(kept)} keep values unused")


def target(name: str) -> Path:
    folder = OUT / KIND[name.split("-")[0]]
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def main() -> None:
    texts: dict[str, str] = {}
    for name, build in TEXT_DOCS.items():
        texts[name] = build()
        target(name).write_text(texts[name], encoding="utf-8")
    for name, (build, person) in PDF_DOCS.items():
        texts[name] = build()
        write_pdf(target(name), texts[name], person)
    check(texts)
    pii = json.dumps(P.values, indent=2, ensure_ascii=False) + "\n"
    PII_LIST.parent.mkdir(parents=True, exist_ok=True)
    PII_LIST.write_text(pii, encoding="utf-8")


if __name__ == "__main__":
    main()
