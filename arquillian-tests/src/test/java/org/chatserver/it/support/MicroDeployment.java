package org.chatserver.it.support;

import java.net.URI;
import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The Payara Micro form of the application, as the build made it, for Arquillian. */
public final class MicroDeployment {

    private MicroDeployment() {
    }

    /** The micro WAR (EJB module and libraries inside); the RAR is deployed by the post-boot command file. */
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                TestStack.deployments().resolve("chat-web-micro.war").toFile());
    }

    /** The server's base URI on loopback, whatever host name Payara Micro reported. */
    public static URI base(URL deployed) {
        return URI.create("http://127.0.0.1:" + deployed.getPort());
    }
}
