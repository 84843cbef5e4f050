package org.convlab.lesson.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.convlab.base.ui.ComingSoon;

@Route("learn")
@PageTitle("Learn · ConvLab")
final class LearnView extends Main {

    LearnView() {
        add(new ComingSoon("Learn",
                "Step-by-step lessons on the operations inside a convolutional network, on matrices "
                        + "where every number is visible.",
                "Images as matrices and tensors, with a real Fashion-MNIST item's pixel values",
                "Convolution: a filter sliding over an image, each multiply-and-sum written out",
                "ReLU and other activations, pooling, and the X-versus-O example from pixels to a vote",
                "Stacking layers, and why convolution needs far fewer weights than a dense layer",
                "How a network learns: softmax, loss, gradient steps, and what to do about overfitting"));
    }
}
