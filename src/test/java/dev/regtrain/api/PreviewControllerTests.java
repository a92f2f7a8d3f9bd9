package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import dev.regtrain.data.ImageShape;
import dev.regtrain.datasets.Preview;
import dev.regtrain.datasets.PreviewService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the augmentation previews, on a mocked preview service. */
@WebMvcTest(PreviewController.class)
@Import(WebSlice.class)
class PreviewControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PreviewService previews;

    private static Preview onePixelGrid() {
        double[] image = new double[4];
        return new Preview(ImageShape.parse("2x2"), List.of(image), List.of(List.of(image)), 0, 1);
    }

    @Test
    void aBuiltinPreviewTakesTheGeneratorsParametersApartFromItsOwnAndIsAPng() {
        given(previews.ofBuiltin(eq("shapes"), any(), any(), eq(2), eq(3), eq(9L))).willReturn(onePixelGrid());

        assertThat(mvc.get().uri("/api/v1/datasets/builtin/shapes/preview?size=16&shift=2&samples=2&versions=3&seed=9"))
                .hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
        then(previews).should().ofBuiltin(eq("shapes"), eq(Map.of("size", 16.0)),
                org.mockito.ArgumentMatchers.argThat(a -> Integer.valueOf(2).equals(a.shift())), eq(2), eq(3), eq(9L));
    }

    @Test
    void aGeneratorParameterThatIsNotANumberIsA400NamingIt() {
        assertThat(mvc.get().uri("/api/v1/datasets/builtin/shapes/preview?size=big")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void anUploadsPreviewIsAPng() {
        given(previews.ofUpload(eq("d1"), any(), anyInt(), anyInt(), anyLong())).willReturn(onePixelGrid());

        assertThat(mvc.get().uri("/api/v1/datasets/d1/preview?zoom=0.1")).hasStatusOk()
                .hasContentType(MediaType.IMAGE_PNG);
    }
}
