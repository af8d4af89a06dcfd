/**
 * Questionnaires as XLSForm files (the survey, choices and settings sheets of ODK and KoboToolbox):
 * reading and checking a form, evaluating a filled form (calculations, relevance, types, required
 * answers, constraints, needs raised by sahay_need columns), pages for filling it one group at a
 * time, versioned JSON definitions, the built-in forms and PHQ-9 and GAD-7 scoring. A sahay_need
 * column names a category of the needs module, which records what a filled form raised.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Forms",
    allowedDependencies = {"access", "needs", "organisations", "platform", "registry"})
package org.sahay.forms;
