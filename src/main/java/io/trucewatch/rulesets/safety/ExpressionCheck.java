package io.trucewatch.rulesets.safety;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one constraint or one consequence of a rule against {@link RuleVocabulary}, on the
 * syntax tree Java's parser builds: each kind of node must be one a rule needs (literals,
 * operators, calls of allowed methods, names of bound variables, facts and their properties,
 * {@code if}, local variables), and everything else — loops, {@code try}, {@code new} of a
 * non-fact type, arrays, lambdas, class literals, assignments outside local variables, unknown
 * names — is refused with its line. A whitelist of node kinds, not a blacklist of words: a way of
 * writing {@code System.exit} this check did not foresee is refused because it is not foreseen.
 */
final class ExpressionCheck {

    /** One refusal; {@code line} counts from the first line of the checked text (1-based). */
    record Refusal(int line, String message) {
    }

    /** Java 17, as compiled. A JavaParser is not thread-safe, and rule sets compile in parallel: one per check. */
    private static JavaParser parser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    }

    private final Set<String> declaredTypes;
    private final Set<String> declaredFields;
    private final Set<String> functions;

    ExpressionCheck(Set<String> declaredTypes, Set<String> declaredFields, Set<String> functions) {
        this.declaredTypes = declaredTypes;
        this.declaredFields = declaredFields;
        this.functions = functions;
    }

    /** A pattern's constraint or an {@code eval}: an expression without side effects. */
    List<Refusal> constraint(String drl, Set<String> bound) {
        ParseResult<Expression> parsed;
        try {
            parsed = parser().parseExpression(DrlExpressions.toJava(drl));
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return List.of(new Refusal(1, "'" + abbreviated(drl) + "' is not a constraint this service accepts "
                    + "(Java comparisons, && || !, in (…), contains, memberOf, calls of the facts' methods)"));
        }
        List<Refusal> refusals = new ArrayList<>();
        check(parsed.getResult().get(), bound, Set.of(), false, refusals);
        return refusals;
    }

    /** A consequence: statements that compute and insert findings and facts. */
    List<Refusal> consequence(String java, Set<String> bound) {
        ParseResult<BlockStmt> parsed;
        try {
            parsed = parser().parseBlock("{" + java + "\n}");
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            String why = parsed == null ? "" : parsed.getProblems().stream().findFirst()
                    .map(p -> ": " + p.getMessage().lines().findFirst().orElse("")).orElse("");
            return List.of(new Refusal(1, "the consequence is not Java this service can check" + why));
        }
        BlockStmt block = parsed.getResult().get();
        Set<String> locals = new HashSet<>();
        block.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        List<Refusal> refusals = new ArrayList<>();
        check(block, bound, locals, true, refusals);
        return refusals;
    }

    private void check(Node root, Set<String> bound, Set<String> locals, boolean consequence, List<Refusal> refusals) {
        root.walk(node -> {
            String refusal = refusal(node, bound, locals, consequence);
            if (refusal != null) {
                refusals.add(new Refusal(node.getBegin().map(p -> p.line).orElse(1), refusal));
            }
        });
    }

    /** Why this node may not appear in a rule, or null if it may. */
    private String refusal(Node node, Set<String> bound, Set<String> locals, boolean consequence) {
        if (node instanceof Statement statement) {
            return statement instanceof BlockStmt || statement instanceof ExpressionStmt || statement instanceof IfStmt
                    || statement instanceof EmptyStmt ? null
                    : "a rule's consequence may not contain " + kind(node) + ": it computes a finding and inserts it, nothing more";
        }
        if (node instanceof MethodCallExpr call) {
            return callRefusal(call, consequence);
        }
        if (node instanceof NameExpr name) {
            return nameRefusal(name, bound, locals);
        }
        if (node instanceof FieldAccessExpr access) {
            String field = access.getNameAsString();
            return RuleVocabulary.isProperty(field) || declaredFields.contains(field) ? null
                    : "'" + field + "' is not a property of the engine's facts";
        }
        if (node instanceof ObjectCreationExpr creation) {
            return creation.getAnonymousClassBody().isEmpty() && creation.getType().getScope().isEmpty()
                    && (declaredTypes.contains(creation.getType().getNameAsString())
                            || RuleVocabulary.isFactType(creation.getType().getNameAsString()))
                    ? null : "a rule may create only the engine's facts and facts declared in rule files, not '" + creation.getType() + "'";
        }
        if (node instanceof AssignExpr assign) {
            return consequence && assign.getTarget() instanceof NameExpr target && locals.contains(target.getNameAsString())
                    ? null : "a rule may assign only its own local variables";
        }
        if (node instanceof UnaryExpr unary) {
            boolean changes = unary.getOperator().name().contains("CREMENT");
            return !changes || consequence && unary.getExpression() instanceof NameExpr target
                    && locals.contains(target.getNameAsString()) ? null : "a rule may change only its own local variables";
        }
        if (node instanceof Type type) {
            return typeRefusal(type);
        }
        if (node instanceof VariableDeclarationExpr || node instanceof VariableDeclarator) {
            return consequence ? null : "a constraint may not declare variables";
        }
        boolean allowed = node instanceof BinaryExpr || node instanceof EnclosedExpr || node instanceof ConditionalExpr
                || node instanceof CastExpr || node instanceof InstanceOfExpr || node instanceof ThisExpr
                || node instanceof StringLiteralExpr || node instanceof TextBlockLiteralExpr || node instanceof CharLiteralExpr
                || node instanceof IntegerLiteralExpr || node instanceof LongLiteralExpr || node instanceof DoubleLiteralExpr
                || node instanceof BooleanLiteralExpr || node instanceof NullLiteralExpr
                || node instanceof SimpleName || node instanceof Name;
        return allowed ? null : "a rule may not use " + kind(node);
    }

    private String callRefusal(MethodCallExpr call, boolean consequence) {
        String method = call.getNameAsString();
        String clock = RuleVocabulary.CLOCK_CALLS.get(method);
        if (clock != null) {
            return "rules must not read the wall clock ('" + method + "'): a verdict must be reproducible";
        }
        if (call.getScope().isPresent() && call.getScope().get() instanceof NameExpr scope
                && scope.getNameAsString().equals("drools")) {
            return consequence && method.equals("getRule") ? null
                    : "of the engine, a consequence may use only drools.getRule(), not drools." + method + "()";
        }
        if (call.getScope().isEmpty()) {
            boolean known = method.equals(DrlExpressions.IN) && !consequence
                    || RuleVocabulary.ENGINE_CALLS.contains(method) && consequence
                    || functions.contains(method) || RuleVocabulary.isMethod(method);
            return known ? null : "'" + method + "(…)' is not a function a rule may call";
        }
        return RuleVocabulary.isMethod(method) || declaredGetter(method) ? null
                : "'" + method + "(…)' is not a method of the engine's facts or a pure value method a rule may call";
    }

    /** Java consequences read a declared fact's field {@code n} through {@code getN()}/{@code isN()}. */
    private boolean declaredGetter(String method) {
        String field = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : "";
        return !field.isEmpty() && declaredFields.contains(Character.toLowerCase(field.charAt(0)) + field.substring(1));
    }

    private String nameRefusal(NameExpr name, Set<String> bound, Set<String> locals) {
        String n = name.getNameAsString();
        if (n.equals("drools")) {
            boolean scopeOfCall = name.getParentNode().filter(p -> p instanceof MethodCallExpr call
                    && call.getScope().filter(s -> s == name).isPresent()).isPresent();
            return scopeOfCall ? null : "a rule may use drools only as drools.getRule()";
        }
        boolean known = bound.contains(n) || locals.contains(n) || RuleVocabulary.isFactType(n) || declaredTypes.contains(n)
                || RuleVocabulary.VALUE_TYPES.contains(n) || RuleVocabulary.isProperty(n) || declaredFields.contains(n);
        return known ? null : "'" + n + "' is neither a bound variable, a fact, nor a property of one"
                + (Character.isUpperCase(n.charAt(0)) ? " (a rule may use only the engine's fact types)" : "");
    }

    private String typeRefusal(Type type) {
        if (type instanceof PrimitiveType || type instanceof VarType) {
            return null;
        }
        if (type instanceof ClassOrInterfaceType named) {
            String n = named.getNameAsString();
            boolean known = named.getScope().isEmpty() && (RuleVocabulary.isFactType(n) || declaredTypes.contains(n)
                    || RuleVocabulary.VALUE_TYPES.contains(n));
            return known ? null : "a rule may use only the engine's fact types, not '" + named + "'";
        }
        return "a rule may not use the type '" + type + "'";
    }

    private static String kind(Node node) {
        String simple = node.getClass().getSimpleName().replaceAll("(Stmt|Expr)$", "");
        return switch (simple) {
            case "For", "ForEach", "While", "Do" -> "a loop";
            case "Try", "Throw", "Synchronized", "LocalClassDeclaration", "LocalRecordDeclaration" -> "'"
                    + simple.toLowerCase() + "'";
            case "Lambda", "MethodReference" -> "lambdas or method references";
            case "ArrayCreation", "ArrayInitializer", "ArrayAccess" -> "arrays";
            case "Class" -> "class literals";
            default -> "this construct (" + simple + ")";
        };
    }

    private static String abbreviated(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 77) + "…" : one;
    }
}
