package dev.canarycouncil.evals.generator;

import java.util.List;

/**
 * Multi-line stack traces as the runtimes print them, for {@link PodBehaviour#errorTrace} and
 * {@link PodBehaviour#crashTrace}. Frames below the application's own are the framework's real
 * call path, shortened.
 */
final class Traces {

    static final String NPE_MESSAGE =
            "java.lang.NullPointerException: Cannot invoke \"com.example.api.User.getId()\" because \"user\" is null";

    /** Tomcat's dispatcherServlet logging an exception the controller let through ("with root cause"). */
    static final List<String> JAVA_NPE_ORDERS = List.of(
            "",
            NPE_MESSAGE,
            "\tat com.example.api.OrderController.placeOrder(OrderController.java:87) ~[!/:2.5.0]",
            "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]",
            "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]",
            "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188) ~[spring-web-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:926) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:831) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:979) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:914) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:195) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:140) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:391) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1736) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]");

    /** The same bug logged by an {@code @ControllerAdvice} ("Unhandled exception"), older Spring. */
    static final List<String> JAVA_NPE_SEED = List.of(
            NPE_MESSAGE,
            "\tat com.example.api.OrderController.placeOrder(OrderController.java:87) ~[!/:2.5.0]",
            "\tat jdk.internal.reflect.GeneratedMethodAccessor1.invoke(Unknown Source) ~[na:na]",
            "\tat java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43) ~[na:na]",
            "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568) ~[na:na]",
            "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:207) ~[spring-web-6.0.9.jar!/:6.0.9]",
            "\tat org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:884) ~[spring-webmvc-6.0.9.jar!/:6.0.9]",
            "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1067) ~[spring-webmvc-6.0.9.jar!/:6.0.9]",
            "\tat org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:963) ~[spring-webmvc-6.0.9.jar!/:6.0.9]",
            "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1006) ~[spring-webmvc-6.0.9.jar!/:6.0.9]",
            "\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590) ~[tomcat-embed-core-10.1.8.jar!/:na]",
            "\tat java.base/java.lang.Thread.run(Thread.java:833) ~[na:na]");

    private static final String NOT_NULL =
            "ERROR: null value in column \"currency_code\" of relation \"invoices\" violates not-null constraint";
    private static final String FAILING_ROW =
            "  Detail: Failing row contains (6f0b3c1e-2d7a-4c55-9b8e-51a0f3d2c7e4, 1881, 48213, 4599, 874, null).";
    private static final String INSERT =
            "insert into invoices (amount_cents,currency_code,customer_id,order_id,tax_cents,id) values (?,?,?,?,?,?)";

    /** A Spring Data exception with its Hibernate and JDBC causes: the "Caused by:" chain. */
    static final List<String> JAVA_INVOICE_NOT_NULL = List.of(
            "org.springframework.dao.DataIntegrityViolationException: could not execute statement [" + NOT_NULL,
            FAILING_ROW + "] [" + INSERT + "]; SQL [" + INSERT + "]; constraint [currency_code]",
            "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:290) ~[spring-orm-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.translateExceptionIfPossible(HibernateJpaDialect.java:241) ~[spring-orm-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.orm.jpa.AbstractEntityManagerFactoryBean.translateExceptionIfPossible(AbstractEntityManagerFactoryBean.java:550) ~[spring-orm-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.dao.support.ChainedPersistenceExceptionTranslator.translateExceptionIfPossible(ChainedPersistenceExceptionTranslator.java:61) ~[spring-tx-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.dao.support.DataAccessUtils.translateIfNecessary(DataAccessUtils.java:335) ~[spring-tx-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.dao.support.PersistenceExceptionTranslationInterceptor.invoke(PersistenceExceptionTranslationInterceptor.java:160) ~[spring-tx-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184) ~[spring-aop-6.1.8.jar!/:6.1.8]",
            "\tat org.springframework.aop.framework.JdkDynamicAopProxy.invoke(JdkDynamicAopProxy.java:223) ~[spring-aop-6.1.8.jar!/:6.1.8]",
            "\tat jdk.proxy2/jdk.proxy2.$Proxy142.saveAndFlush(Unknown Source) ~[na:na]",
            "\tat com.example.invoices.service.InvoiceService.create(InvoiceService.java:40) ~[!/:3.2.0]",
            "\tat com.example.invoices.web.InvoiceController.create(InvoiceController.java:44) ~[!/:3.2.0]",
            "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]",
            "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]",
            "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.8.jar!/:6.1.8]",
            "\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:63) ~[tomcat-embed-core-10.1.24.jar!/:na]",
            "\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]",
            "Caused by: org.hibernate.exception.ConstraintViolationException: could not execute statement [" + NOT_NULL,
            FAILING_ROW + "] [" + INSERT + "]",
            "\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:95) ~[hibernate-core-6.4.8.Final.jar!/:6.4.8.Final]",
            "\tat org.hibernate.exception.internal.StandardSQLExceptionConverter.convert(StandardSQLExceptionConverter.java:56) ~[hibernate-core-6.4.8.Final.jar!/:6.4.8.Final]",
            "\tat org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:108) ~[hibernate-core-6.4.8.Final.jar!/:6.4.8.Final]",
            "\tat org.hibernate.engine.jdbc.internal.ResultSetReturnImpl.executeUpdate(ResultSetReturnImpl.java:278) ~[hibernate-core-6.4.8.Final.jar!/:6.4.8.Final]",
            "\t... 92 common frames omitted",
            "Caused by: org.postgresql.util.PSQLException: " + NOT_NULL,
            FAILING_ROW,
            "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725) ~[postgresql-42.7.3.jar!/:42.7.3]",
            "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412) ~[postgresql-42.7.3.jar!/:42.7.3]",
            "\tat org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:152) ~[postgresql-42.7.3.jar!/:42.7.3]",
            "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java) ~[HikariCP-5.0.1.jar!/:na]",
            "\t... 95 common frames omitted");

    /** Spring Boot's failure analysis when the context cannot create a DataSource. */
    static final List<String> SPRING_NO_DATASOURCE = List.of(
            "",
            "***************************",
            "APPLICATION FAILED TO START",
            "***************************",
            "",
            "Description:",
            "",
            "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.",
            "",
            "Reason: Failed to determine a suitable driver class",
            "",
            "",
            "Action:",
            "",
            "Consider the following:",
            "\tIf you want an embedded database (H2, HSQL or Derby), please put it on the classpath.",
            "\tIf you have database settings to be loaded from a particular profile you may need to activate it (no profiles are currently active).",
            "");

    private static final String SITE = "/usr/local/lib/python3.12/site-packages/";

    /** Django's handler chain down to the cart view. */
    static final List<String> DJANGO_KEYERROR = List.of(
            "Traceback (most recent call last):",
            "  File \"" + SITE + "django/core/handlers/exception.py\", line 55, in inner",
            "    response = get_response(request)",
            "               ^^^^^^^^^^^^^^^^^^^^^",
            "  File \"" + SITE + "django/core/handlers/base.py\", line 197, in _get_response",
            "    response = wrapped_callback(request, *callback_args, **callback_kwargs)",
            "               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"" + SITE + "django/views/decorators/csrf.py\", line 65, in _view_wrapper",
            "    return view_func(request, *args, **kwargs)",
            "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"" + SITE + "django/views/decorators/http.py\", line 43, in inner",
            "    return func(request, *args, **kwargs)",
            "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"/app/cart/views.py\", line 48, in cart_total",
            "    rate = TAX_RATES[cart.shipping_country]",
            "           ~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^",
            "KeyError: 'IE'");

    /** Flask's dispatch down to the quote view. */
    static final List<String> FLASK_TYPEERROR = List.of(
            "Traceback (most recent call last):",
            "  File \"" + SITE + "flask/app.py\", line 1473, in wsgi_app",
            "    response = self.full_dispatch_request()",
            "               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"" + SITE + "flask/app.py\", line 882, in full_dispatch_request",
            "    rv = self.handle_user_exception(e)",
            "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"" + SITE + "flask/app.py\", line 880, in full_dispatch_request",
            "    rv = self.dispatch_request()",
            "         ^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"" + SITE + "flask/app.py\", line 865, in dispatch_request",
            "    return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]",
            "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "  File \"/app/quotes/app.py\", line 37, in create_quote",
            "    premium = base_rate * risk_factor(payload.get(\"age\"))",
            "              ~~~~~~~~~~^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
            "TypeError: unsupported operand type(s) for *: 'float' and 'NoneType'");

    /** What ASP.NET Core's exception handler logs under its {@code fail:} line (the style indents it). */
    static final List<String> DOTNET_NULL_REFERENCE = List.of(
            "An unhandled exception has occurred while executing the request.",
            "System.NullReferenceException: Object reference not set to an instance of an object.",
            "   at Shop.Cart.Services.PricingService.ApplyVoucher(Cart cart, String code) in /src/Shop.Cart/Services/PricingService.cs:line 57",
            "   at Shop.Cart.Controllers.CartController.Total(Int32 id, String voucher) in /src/Shop.Cart/Controllers/CartController.cs:line 42",
            "   at lambda_method14(Closure, Object, Object[])",
            "   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)",
            "   at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeActionMethodAsync>g__Logged|12_1(ControllerActionInvoker invoker)",
            "--- End of stack trace from previous location ---",
            "   at Microsoft.AspNetCore.Mvc.Infrastructure.ResourceInvoker.<InvokeFilterPipelineAsync>g__Awaited|20_0(ResourceInvoker invoker, Task lastTask, State next, Scope scope, Object state, Boolean isCompleted)",
            "   at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.<Invoke>g__Awaited|10_0(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)");

    /** ActionDispatch::DebugExceptions' message for an unhandled exception (the style tags each line). */
    static final List<String> RAILS_NO_METHOD_ERROR = List.of(
            "NoMethodError (undefined method `country' for nil):",
            "  ",
            "app/controllers/orders_controller.rb:14:in `show'",
            "app/controllers/application_controller.rb:21:in `with_locale'",
            "actionpack (7.1.5) lib/abstract_controller/base.rb:226:in `process_action'");

    /** Flask's traceback under "Exception on /rates/quote [POST]", written by its default handler. */
    static final List<String> WERKZEUG_KEYERROR = List.of(
            "Traceback (most recent call last):",
            "  File \"" + SITE + "flask/app.py\", line 1511, in wsgi_app",
            "    response = self.full_dispatch_request()",
            "  File \"" + SITE + "flask/app.py\", line 919, in full_dispatch_request",
            "    rv = self.handle_user_exception(e)",
            "  File \"" + SITE + "flask/app.py\", line 917, in full_dispatch_request",
            "    rv = self.dispatch_request()",
            "  File \"" + SITE + "flask/app.py\", line 902, in dispatch_request",
            "    return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)",
            "  File \"/app/rates/views.py\", line 48, in quote",
            "    amount = fx.convert(fare, request.json[\"currency\"])",
            "  File \"/app/rates/fx.py\", line 22, in convert",
            "    return amount * RATES[currency]",
            "                    ~~~~~^^^^^^^^^^",
            "KeyError: 'EUR'");

    /** An error stack as Express's default error handler prints it: bare, no timestamp. */
    static final List<String> NODE_TYPEERROR_CART = List.of(
            "TypeError: Cannot read properties of undefined (reading 'price')",
            "    at computeTotal (/app/src/cart.js:42:18)",
            "    at Array.reduce (<anonymous>)",
            "    at totalHandler (/app/src/routes/cart.js:27:31)",
            "    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)",
            "    at next (/app/node_modules/express/lib/router/route.js:149:13)");

    /** Node 20's report of an uncaught exception, as the process dies. */
    static final List<String> NODE_UNCAUGHT_WORKER = List.of(
            "/app/src/worker.js:17",
            "    const to = order.customer.email;",
            "                              ^",
            "",
            "TypeError: Cannot read properties of undefined (reading 'email')",
            "    at sendReceipt (/app/src/worker.js:17:31)",
            "    at Queue.<anonymous> (/app/src/worker.js:41:5)",
            "    at Queue.emit (node:events:517:28)",
            "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
            "",
            "Node.js v20.11.1");

    /** A Rust panic in the 1.73+ wording. */
    static final List<String> RUST_UNWRAP_PANIC = List.of(
            "thread 'main' panicked at src/rates.rs:88:14:",
            "called `Option::unwrap()` on a `None` value",
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace");

    private Traces() {}
}
