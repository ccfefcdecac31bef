package io.trucewatch.rulesets.safety;

import io.trucewatch.rulesets.RulesetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Rules can only judge. Before Drools compiles a rule file — and compiling already runs code of
 * the file's (a {@code declare}'s initialiser, a {@code function}) — the file is parsed with Drools'
 * own parser and every part of it checked: imports only of the engine's fact types, no functions,
 * globals, queries, timers or calendars, patterns only over facts and without {@code from} or
 * {@code accumulate}, and every constraint and consequence checked node by node against
 * {@link RuleVocabulary} ({@link ExpressionCheck}). A file that passes can read facts and insert
 * findings and facts, and nothing else; how often its rules may fire is bounded where they are
 * fired (Evaluator).
 *
 * <p>Rules over time (a rule set's {@code patterns/}) count acts: {@link #checkPatterns} also lets
 * them {@code accumulate} over a fact pattern with the built-in functions of
 * {@link #COUNTING_FUNCTIONS}, whose arguments are checked like any constraint. Custom accumulate
 * code (init, action, result) stays refused: it is arbitrary code.
 */
public final class RuleSafety {

    /** Rule attributes that only order or group firing; timers, calendars and dates are refused. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "ruleflow-group", "activation-group", "auto-focus", "dialect");

    /** Built-in accumulate functions a pattern rule may count with: each only reads the facts it is given. */
    static final Set<String> COUNTING_FUNCTIONS = Set.of("count", "collectSet", "collectList", "min", "max", "sum");

    private RuleSafety() {
    }

    /** Every refusal in these rule files (path → text), each with its file and line. */
    public static List<RulesetException.Error> check(Map<String, String> drlFiles) {
        return check(drlFiles, false);
    }

    /** As {@link #check}, for rules over time, which may also count with accumulate. */
    public static List<RulesetException.Error> checkPatterns(Map<String, String> drlFiles) {
        return check(drlFiles, true);
    }

    private static List<RulesetException.Error> check(Map<String, String> drlFiles, boolean counting) {
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        List<RulesetException.Error> errors = new ArrayList<>();
        drlFiles.forEach((path, text) -> {
            // The same parser, at the same language level, that KieBuilder uses: what is checked
            // here is what would be compiled. A file it cannot parse is refused here, never compiled.
            DrlParser parser = new DrlParser();
            PackageDescr pkg = null;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException | RuntimeException e) {
                errors.add(new RulesetException.Error(path, 0, 0, "does not parse"));
                return;
            }
            if (parser.hasErrors() || pkg == null) {
                parser.getErrors().forEach(error -> errors.add(new RulesetException.Error(path,
                        error instanceof ParserError at ? at.getRow() : 0, error instanceof ParserError at ? at.getCol() : 0,
                        "does not parse: " + error.getMessage())));
                if (!parser.hasErrors()) {
                    errors.add(new RulesetException.Error(path, 0, 0, "does not parse"));
                }
                return;
            }
            parsed.put(path, pkg);
        });
        Set<String> declaredTypes = new HashSet<>();
        Set<String> declaredFields = new HashSet<>();
        parsed.values().forEach(pkg -> pkg.getTypeDeclarations().forEach(type -> {
            declaredTypes.add(type.getTypeName());
            declaredFields.addAll(type.getFields().keySet());
        }));
        parsed.forEach((path, pkg) -> new FileCheck(path, drlFiles.get(path), pkg, declaredTypes, declaredFields, counting,
                errors).run());
        return errors;
    }

    private static final class FileCheck {
        private final String path;
        private final String text;
        private final PackageDescr pkg;
        private final Set<String> declaredTypes;
        private final List<RulesetException.Error> errors;
        private final ExpressionCheck expressions;
        private final boolean counting;

        FileCheck(String path, String text, PackageDescr pkg, Set<String> declaredTypes, Set<String> declaredFields,
                boolean counting, List<RulesetException.Error> errors) {
            this.path = path;
            this.counting = counting;
            this.text = text;
            this.pkg = pkg;
            this.declaredTypes = declaredTypes;
            this.errors = errors;
            Set<String> functions = new HashSet<>();
            pkg.getFunctionImports().forEach(f -> functions.add(f.getTarget().substring(f.getTarget().lastIndexOf('.') + 1)));
            this.expressions = new ExpressionCheck(declaredTypes, declaredFields, functions);
        }

        void run() {
            for (ImportDescr imported : pkg.getImports()) {
                if (!RuleVocabulary.isImportable(imported.getTarget())) {
                    refuse(imported, "a rule file may import only the engine's fact types (io.trucewatch.evaluation.facts.*, "
                            + "Verdict, Standing) and types declared in rule files, not " + imported.getTarget());
                }
            }
            for (FunctionImportDescr function : pkg.getFunctionImports()) {
                if (!RuleVocabulary.FUNCTIONS.contains(function.getTarget())) {
                    refuse(function, "a rule file may import only the functions " + RuleVocabulary.FUNCTIONS
                            + ", not " + function.getTarget());
                }
            }
            pkg.getFunctions().forEach(f -> refuse(f, "a rule file may not define functions (a function is arbitrary code)"));
            pkg.getGlobals().forEach(g -> refuse(g, "a rule file may not declare globals: a verdict depends on the report alone"));
            pkg.getAccumulateImports().forEach(a -> refuse(a, "a rule file may not import accumulate functions"));
            pkg.getEnumDeclarations().forEach(e -> refuse(e, "a rule file may not declare enums"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "a rule file may not declare entry points"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w, "a rule file may not declare windows"));
            if (pkg.getUnit() != null) {
                refuse(pkg.getUnit(), "rule units are not used by this service");
            }
            pkg.getAttributes().forEach(this::checkAttribute);
            pkg.getTypeDeclarations().forEach(this::checkDeclaration);
            pkg.getRules().forEach(this::checkRule);
        }

        private void checkDeclaration(TypeDeclarationDescr type) {
            for (QualifiedName superType : type.getSuperTypes()) {
                String name = superType.getName();
                if (!name.equals("Object") && !name.equals("java.lang.Object") && !declaredTypes.contains(name)) {
                    refuse(type, "a declared fact may extend only another declared fact, not " + name);
                }
            }
            for (TypeFieldDescr field : type.getFields().values()) {
                String fieldType = field.getPattern() == null ? "" : field.getPattern().getObjectType();
                if (!RuleVocabulary.isFieldType(fieldType) && !declaredTypes.contains(fieldType)) {
                    refuse(field, "field '" + field.getFieldName() + "' of " + type.getTypeName()
                            + " must be a string, number, boolean or fact, not " + fieldType);
                }
                if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
                    refuse(field, "field '" + field.getFieldName() + "' of " + type.getTypeName()
                            + " may not have an initial value (it would run when the rules compile)");
                }
            }
        }

        private void checkRule(RuleDescr rule) {
            if (rule instanceof QueryDescr) {
                refuse(rule, "queries are not part of a truce's rules");
                return;
            }
            rule.getAttributes().values().forEach(this::checkAttribute);
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule, "rule '" + rule.getName() + "': named consequences are not used by this service");
            }
            Set<String> bound = new HashSet<>();
            collectBindings(rule.getLhs(), bound);
            checkCondition(rule.getLhs(), bound);
            Object consequence = rule.getConsequence();
            if (consequence != null) {
                int first = firstLineOf(consequence.toString(), rule);
                keepFirstPerLine(expressions.consequence(consequence.toString(), bound))
                        .forEach(r -> add(first + r.line() - 1, "rule '" + rule.getName() + "': " + r.message()));
            }
        }

        /** The line a consequence's text starts on (Drools gives the line of "then"; the text may start below). */
        private int firstLineOf(String consequence, RuleDescr rule) {
            int at = text.indexOf(consequence.strip(), Math.max(0, rule.getStartCharacter()));
            if (at < 0) {
                return rule.getConsequenceLine();
            }
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private void checkAttribute(AttributeDescr attribute) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            if (!ATTRIBUTES.contains(name)) {
                refuse(attribute, "the rule attribute '" + name + "' is not allowed (timers, calendars and dates "
                        + "would make a verdict depend on when it is computed); allowed: " + ATTRIBUTES);
            } else if (name.equals("salience") && !value.matches("-?\\d{1,9}")) {
                refuse(attribute, "salience must be a whole number, not an expression");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                refuse(attribute, "only the java dialect is checked and accepted");
            }
        }

        private void collectBindings(BaseDescr descr, Set<String> bound) {
            if (descr instanceof PatternDescr pattern) {
                if (pattern.getIdentifier() != null) {
                    bound.add(pattern.getIdentifier());
                }
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr && DrlExpressions.binding(expr.getExpression()) != null) {
                        bound.add(DrlExpressions.binding(expr.getExpression()));
                    } else if (constraint instanceof BindingDescr binding) {
                        bound.add(binding.getVariable());
                    }
                }
                if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                    if (accumulate.getInput() != null) {
                        collectBindings(accumulate.getInput(), bound);
                    }
                    accumulate.getFunctions().forEach(f -> bound.add(f.getBind()));
                }
            }
            for (BaseDescr child : children(descr)) {
                collectBindings(child, bound);
            }
        }

        private void checkCondition(BaseDescr descr, Set<String> bound) {
            if (descr instanceof PatternDescr pattern) {
                checkPattern(pattern, bound);
            } else if (descr instanceof EvalDescr eval) {
                checkConstraint(eval, String.valueOf(eval.getContent()), bound);
            } else if (!(descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                    || descr instanceof ExistsDescr || descr instanceof ForallDescr)) {
                refuse(descr, "a rule's conditions may use patterns over facts, and, or, not, exists, forall and eval; not "
                        + describe(descr));
                return;
            }
            for (BaseDescr child : children(descr)) {
                checkCondition(child, bound);
            }
        }

        private void checkPattern(PatternDescr pattern, Set<String> bound) {
            String type = pattern.getObjectType();
            String simple = type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
            boolean counted = counting && pattern.getSource() instanceof AccumulateDescr;
            if (counted) {
                checkAccumulate(pattern, (AccumulateDescr) pattern.getSource(), bound);
            } else if (!RuleVocabulary.isFactType(simple) && !declaredTypes.contains(simple)) {
                refuse(pattern, "a pattern must match one of the engine's facts or a declared fact, not " + type);
            }
            if (pattern.getSource() != null && !counted) {
                refuse(pattern, "patterns may not draw facts 'from' expressions, accumulate, collect or entry points: "
                        + "a rule judges the facts of one report");
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr) {
                    checkConstraint(expr, expr.getExpression(), bound);
                } else if (constraint instanceof BindingDescr binding) {
                    checkConstraint(binding, binding.getExpression(), bound);
                } else {
                    refuse(constraint, "this kind of constraint is not accepted: " + describe(constraint));
                }
            }
        }

        /** An accumulate a pattern rule counts with: over fact patterns, with built-in functions only. */
        private void checkAccumulate(PatternDescr result, AccumulateDescr accumulate, Set<String> bound) {
            if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null || accumulate.getActionCode() != null
                    || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
                refuse(result, "accumulate may only use the built-in functions " + new java.util.TreeSet<>(COUNTING_FUNCTIONS)
                        + ", not code of its own (init, action, reverse, result)");
                return;
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                if (!COUNTING_FUNCTIONS.contains(function.getFunction())) {
                    refuse(result, "accumulate function '" + function.getFunction() + "' is not one of "
                            + new java.util.TreeSet<>(COUNTING_FUNCTIONS));
                }
                for (String parameter : function.getParams()) {
                    checkConstraint(result, parameter, bound);
                }
            }
            if (accumulate.getInput() == null) {
                refuse(result, "accumulate needs a pattern of facts to count");
            } else {
                checkCondition(accumulate.getInput(), bound);
            }
        }

        private void checkConstraint(BaseDescr where, String expression, Set<String> bound) {
            keepFirstPerLine(expressions.constraint(expression, bound))
                    .forEach(r -> add(where.getLine() + r.line() - 1, r.message()));
        }

        private List<BaseDescr> children(BaseDescr descr) {
            if (descr instanceof PatternDescr) {
                return List.of();
            }
            if (descr instanceof ForallDescr forall) {
                return forall.getDescrs();
            }
            if (descr instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce && !(descr instanceof EvalDescr)) {
                List<BaseDescr> children = new ArrayList<>();
                for (Object child : ce.getDescrs()) {
                    children.add((BaseDescr) child);
                }
                return children;
            }
            return List.of();
        }

        private static String describe(BaseDescr descr) {
            return descr.getClass().getSimpleName().replace("Descr", "").toLowerCase();
        }

        private static List<ExpressionCheck.Refusal> keepFirstPerLine(List<ExpressionCheck.Refusal> refusals) {
            // One cause usually refuses several nodes of the same expression (java.time.Instant.now():
            // the call, the type, the package). The first, outermost, says it best.
            Set<Integer> lines = new HashSet<>();
            return refusals.stream().filter(r -> lines.add(r.line())).toList();
        }

        private void refuse(BaseDescr where, String message) {
            add(where.getLine(), message);
        }

        private void add(int line, String message) {
            errors.add(new RulesetException.Error(path, Math.max(line, 0), 0, message));
        }
    }
}
